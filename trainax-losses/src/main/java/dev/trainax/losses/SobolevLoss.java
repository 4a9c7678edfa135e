package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The Sobolev H1 loss ({@code h1}) on a periodic grid of extent {@code L} per spatial axis
 * (states {@code (batch, channels, *space)} with 1 to 3 spatial axes, {@code N_a} points on axis a,
 * spacing {@code L / N_a}). Per sample, with {@code e = prediction − target} (or the single input):
 *
 * <pre>
 *   h1(e) = mean_{c,x} e²  +  Σ_a mean_{c,x} (∂_a e)²
 *         = (1 / (C·N²)) Σ_c Σ_k (1 + |κ_k|²) |ê_{c,k}|²,   N = Π_a N_a,  |κ_k|² = Σ_a (2π·|k_a| / L)²
 * </pre>
 *
 * where the gradient is the <b>spectral</b> derivative: {@code ê = DFT(e)} (unnormalised, see
 * {@link Spectrum}) and {@code |k_a| = min(k_a, N_a − k_a)} for DFT index {@code k_a ∈ [0, N_a)}
 * (the Nyquist mode of an even {@code N_a} is weighted by {@code (π N_a / L)²}). For a single mode
 * {@code e = sin(2πmx/L)} with {@code 0 < m < N/2} in 1D, {@code h1 = ½ (1 + (2πm/L)²)}.
 * {@code normalized} divides by {@code h1(target)} per sample (as nMSE is to MSE), which needs a
 * target. The per-sample values are reduced over the batch by the batch reduction.
 *
 * <p>Cost: one DFT per evaluated state (two with {@code normalized}), {@code O(M · Σ_a N_a)}; see
 * {@link Spectrum}.
 */
public final class SobolevLoss implements TimeLevelLoss {

    /**
     * The parameters of {@code h1}.
     *
     * @param domainExtent the periodic domain's extent L on every spatial axis (default 1)
     * @param normalized   whether to divide by the target's h1 norm (default false)
     * @param reduction    the batch reduction, declared as for {@code mse}
     */
    public record Options(
            @Param(value = "the periodic domain's extent on every spatial axis", defaultValue = "1.0", min = 0,
                    minExclusive = true) double domainExtent,
            @Param(value = "divide by the same norm of the target", defaultValue = "false") boolean normalized,
            @ParamGroup MeanPowerLoss.Options reduction) {

        /** Validates against the declarations ({@code domainExtent} finite and positive). */
        public Options {
            RecordParameters.check(Options.class, domainExtent, normalized, reduction);
        }

        /** The options with the given batch reduction. */
        public Options(double domainExtent, boolean normalized, BatchReduction batchReduction) {
            this(domainExtent, normalized, new MeanPowerLoss.Options(batchReduction));
        }

        /** How per-sample losses are aggregated over the batch. */
        public BatchReduction batchReduction() {
            return reduction.batchReduction();
        }
    }

    private final Options options;

    /** The H1 loss with the given options. */
    public SobolevLoss(Options options) {
        this.options = Require.present("options", options);
    }

    /** The H1 loss on extent {@code domainExtent}, optionally normalized. */
    public static SobolevLoss h1(double domainExtent, boolean normalized, BatchReduction reduction) {
        return new SobolevLoss(new Options(domainExtent, normalized, reduction));
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
        return SpectralMeasure.perSample(this, options.normalized(), "the target's norm",
                state -> norm(context, state), prediction, target);
    }

    private SDVariable norm(LossContext context, SDVariable state) {
        Spectrum spectrum = Spectrum.of(context.graph(), state);
        return spectrum.weightedEnergy(spectrum.squaredAngularWavenumber(options.domainExtent()).add(1.0));
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
        return (options.normalized() ? "nh1" : "h1") + "(L=" + options.domainExtent() + ")["
                + options.batchReduction() + "]";
    }
}
