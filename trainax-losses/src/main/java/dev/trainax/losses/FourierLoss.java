package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Fourier band loss ({@code fourier}): the squared error restricted to a band of Fourier modes,
 * on a periodic grid of extent {@code L} per spatial axis (states {@code (batch, channels, *space)}
 * with 1 to 3 spatial axes). Per sample, with {@code e = prediction − target} (or the single input),
 * {@code ê = DFT(e)} unnormalised (see {@link Spectrum}), {@code N = Π_a N_a} and
 * {@code |k_a| = min(k_a, N_a − k_a)} for DFT index {@code k_a ∈ [0, N_a)}:
 *
 * <pre>
 *   fourier(e) = (1 / (C·N²)) Σ_c Σ_{k : low ≤ max_a |k_a| &lt; high} |κ_k|^(2d) |ê_{c,k}|²,
 *   |κ_k|² = Σ_a (2π·|k_a| / L)²
 * </pre>
 *
 * The band is taken per axis by the largest absolute wavenumber, as APEBench's Fourier nRMSE does;
 * {@code high = 0} means no upper bound. With {@code d = derivativeOrder = 0} and the whole band
 * this is the MSE (Parseval); with {@code d = 1} it is the mean squared spectral gradient
 * restricted to the band. For {@code e = sin(2πmx/L)} in 1D with {@code 0 < m < N/2}:
 * {@code ½ (2πm/L)^(2d)} if {@code low ≤ m < high}, else 0. {@code normalized} divides by the same
 * band energy of the target per sample (needs a target; a target without energy in the band gives
 * a division by zero). The per-sample values are reduced over the batch by the batch reduction.
 */
public final class FourierLoss implements TimeLevelLoss {

    /**
     * The parameters of {@code fourier}.
     *
     * @param low             the smallest wavenumber in the band (default 0)
     * @param high            the first wavenumber above the band, greater than low; 0 for no bound (default 0)
     * @param derivativeOrder d: mode k is weighted by |κ_k|^(2d) (default 0)
     * @param domainExtent    the periodic domain's extent L on every spatial axis (default 1)
     * @param normalized      whether to divide by the target's band energy (default false)
     * @param reduction       the batch reduction, declared as for {@code mse}
     */
    public record Options(
            @Param(value = "the smallest wavenumber in the band", defaultValue = "0", min = 0) int low,
            @Param(value = "the first wavenumber above the band (greater than low); 0 for no upper bound",
                    defaultValue = "0", min = 0) int high,
            @Param(value = "weight mode k by |2πk/L|^(2·derivativeOrder)", defaultValue = "0", min = 0)
            int derivativeOrder,
            @Param(value = "the periodic domain's extent on every spatial axis", defaultValue = "1.0", min = 0,
                    minExclusive = true) double domainExtent,
            @Param(value = "divide by the same band energy of the target", defaultValue = "false") boolean normalized,
            @ParamGroup MeanPowerLoss.Options reduction) {

        /** Validates against the declarations and {@code low < high} (unless high is 0). */
        public Options {
            RecordParameters.check(Options.class, low, high, derivativeOrder, domainExtent, normalized, reduction);
            Require.that(high == 0 || high > low, "high",
                    "must be greater than low (" + low + ") or 0 for no upper bound, got " + high);
        }

        /** The options with the given batch reduction. */
        public Options(int low, int high, int derivativeOrder, double domainExtent, boolean normalized,
                       BatchReduction batchReduction) {
            this(low, high, derivativeOrder, domainExtent, normalized, new MeanPowerLoss.Options(batchReduction));
        }

        /** How per-sample losses are aggregated over the batch. */
        public BatchReduction batchReduction() {
            return reduction.batchReduction();
        }
    }

    private final Options options;

    /** The band loss with the given options. */
    public FourierLoss(Options options) {
        this.options = Require.present("options", options);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
        return SpectralMeasure.perSample(this, options.normalized(), "the target's band energy",
                state -> energy(context, state), prediction, target);
    }

    private SDVariable energy(LossContext context, SDVariable state) {
        Spectrum spectrum = Spectrum.of(context.graph(), state);
        DataType type = state.dataType();
        SDVariable weights = null;
        if (options.low() > 0 || options.high() > 0) {
            SDVariable largest = spectrum.largestAbsoluteWavenumber();
            weights = context.graph().gte(largest, (double) options.low()).castTo(type);
            if (options.high() > 0) {
                weights = weights.mul(context.graph().lt(largest, (double) options.high()).castTo(type));
            }
        }
        if (options.derivativeOrder() > 0) {
            SDVariable squared = spectrum.squaredAngularWavenumber(options.domainExtent());
            SDVariable power = options.derivativeOrder() == 1 ? squared
                    : context.graph().math().pow(squared, options.derivativeOrder());
            weights = weights == null ? power : weights.mul(power);
        }
        return spectrum.weightedEnergy(weights);
    }

    @Override
    public BatchReduction batchReduction() {
        return options.batchReduction();
    }

    @Override
    public boolean acceptsSingleInput() {
        return !options.normalized();
    }

    @Override
    public String toString() {
        return (options.normalized() ? "nfourier" : "fourier") + "(band=[" + options.low() + ", "
                + (options.high() == 0 ? "∞" : options.high()) + "), d=" + options.derivativeOrder() + ", L="
                + options.domainExtent() + ")[" + options.batchReduction() + "]";
    }
}
