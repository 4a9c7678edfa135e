package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The nRMSE restricted to a band of Fourier modes, after APEBench's {@code fourier_nRMSE}: per
 * sample
 * <pre>
 *   √( Σ_c Σ_{k ∈ B} |k|^{2m} |ê_c(k)|² ) / √( Σ_c Σ_{k ∈ B} |k|^{2m} |r̂_c(k)|² ),   e = p − r,
 * </pre>
 * with x̂ the discrete Fourier transform over every spatial axis (all modes, periodic grid), k the
 * integer wavenumber vector (index j ↦ j for j ≤ n/2, else j − n), the band
 * B = {k : low ≤ max_d |k_d| &lt; high} (the mode's largest wavenumber over the axes, so the band is
 * a hypercube shell as with exponax's axis-separate filter), |k| the Euclidean norm and m the
 * {@code derivativeOrder} (|k|⁰ = 1, also for k = 0). The physical wavenumbers 2πk/L differ from k
 * by one factor that cancels in the ratio, so no domain length is needed. With the defaults (every
 * mode, m = 0) the value equals {@code nrmse} by Parseval's theorem.
 *
 * <p>Differences from exponax 0.x's {@code fourier_nRMSE}: {@code high} is exclusive here
 * (exponax's is inclusive: its {@code high = h} is ours {@code h + 1}); channels are aggregated
 * inside the norm as in our {@code nrmse} (exponax sums per-channel ratios); a derivative weights
 * by |k|^m of the whole wavenumber vector (exponax sums the per-axis norms of (ik_d)^m û); and no
 * coefficients below 1e-5 are zeroed.
 *
 * @param low             lowest wavenumber of the band (inclusive)
 * @param high            end of the band (exclusive); null for every mode from {@code low} up
 * @param derivativeOrder m: weight of a mode |k|^m (0: none; 1: the gradient's norm)
 */
public record FourierNrmse(
        @Param(value = "lowest wavenumber max_d |k_d| of the band (inclusive)", defaultValue = "0", min = 0) int low,
        @Param(value = "end of the band (exclusive); absent: every mode from low up", optional = true, min = 1)
        Integer high,
        @Param(value = "weight each mode by |k|^derivativeOrder (0: no weighting)", defaultValue = "0", min = 0)
        double derivativeOrder) implements RolloutMetric {

    /** Checks the parameters; errors name the parameter. */
    public FourierNrmse {
        RecordParameters.check(FourierNrmse.class, low, high, derivativeOrder);
        if (high != null && high <= low) {
            throw new IllegalArgumentException("high: must be > low (" + low + "), got " + high);
        }
    }

    /** Every mode, no weighting: equal to {@code nrmse} up to rounding. */
    public FourierNrmse() {
        this(0, null, 0);
    }

    @Override
    public String name() {
        StringBuilder name = new StringBuilder("fourier-nrmse");
        StringBuilder options = new StringBuilder();
        if (low != 0) {
            options.append("low=").append(low);
        }
        if (high != null) {
            options.append(options.length() > 0 ? ";" : "").append("high=").append(high);
        }
        if (derivativeOrder != 0) {
            options.append(options.length() > 0 ? ";" : "").append("derivativeOrder=").append(number(derivativeOrder));
        }
        return options.length() == 0 ? name.toString() : name.append('(').append(options).append(')').toString();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public double[] perSample(INDArray predicted, INDArray reference) {
        double order = derivativeOrder;
        return Spectra.normalisedError(name(), predicted, reference, k -> {
            int max = 0;
            long squared = 0;
            for (int kd : k) {
                max = Math.max(max, Math.abs(kd));
                squared += (long) kd * kd;
            }
            if (max < low || (high != null && max >= high)) {
                return 0;
            }
            return order == 0 ? 1 : Math.pow(squared, order);      // (|k|²)^m = |k|^{2m}
        });
    }
}
