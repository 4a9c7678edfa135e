package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The normalised H¹ error on the periodic domain (0, L)^D: per sample
 * <pre>
 *   √(‖e‖² + ‖∇e‖²) / √(‖r‖² + ‖∇r‖²),   e = p − r,
 * </pre>
 * with L² norms over the domain summed over channels and the gradient taken spectrally: by
 * Parseval both squared norms are Σ_k (1 + (2π/L)²|k|²)|x̂(k)|² up to one common factor
 * (L/N)^D/N^D that cancels, x̂ the discrete Fourier transform over the spatial axes and k the integer
 * wavenumber vector (the Nyquist mode of an even axis counts as |k_d| = n/2). Every spatial axis has
 * the length {@code domainExtent} (APEBench's {@code domain_extent}, 1 by default); the grid points
 * are x_j = jL/n. The value depends on L through the weight of the gradient against the values.
 *
 * @param domainExtent L, the length of every spatial axis of the periodic domain
 */
public record H1Nrmse(
        @Param(value = "length L of every spatial axis of the periodic domain", defaultValue = "1.0", min = 0,
                minExclusive = true) double domainExtent) implements RolloutMetric {

    /** Checks the parameter. */
    public H1Nrmse {
        RecordParameters.check(H1Nrmse.class, domainExtent);
    }

    /** On the unit domain. */
    public H1Nrmse() {
        this(1.0);
    }

    @Override
    public String name() {
        return domainExtent == 1.0 ? "h1-nrmse" : "h1-nrmse(domainExtent=" + FourierNrmse.number(domainExtent) + ")";
    }

    @Override
    public double[] perSample(INDArray predicted, INDArray reference) {
        double scale = 2 * Math.PI / domainExtent;
        return Spectra.normalisedError(name(), predicted, reference, k -> {
            double squared = 0;
            for (int kd : k) {
                squared += (double) kd * kd;
            }
            return 1 + scale * scale * squared;
        });
    }
}
