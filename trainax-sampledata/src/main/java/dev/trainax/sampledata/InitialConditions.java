package dev.trainax.sampledata;

import dev.trainax.api.internal.Require;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Random periodic initial conditions in float64, zero mean, on a line {@code (samples, 1, points)}
 * or a square {@code (samples, 1, points, points)}: truncated Fourier series and Gaussian random
 * fields, with a normalisation per sample; and the two-species Gaussian blobs of Gray–Scott.
 */
public final class InitialConditions {

    /** How each sample is scaled. */
    public enum Normalisation {
        // declaration order is the order plugin listings show
        /** {@code max |u| = amplitude}. */
        MAX_ABS,
        /** root mean square {@code = amplitude}. */
        RMS,
        /** As drawn. */
        NONE
    }

    private InitialConditions() {
    }

    /** {@code Σ_{k=1..K} a_k sin(2πkx) + b_k cos(2πkx)} with amplitudes uniform in [−1, 1]. */
    public static INDArray truncatedFourier(int numPoints, int numSamples, int highestMode, long seed) {
        return Advection1d.periodic(numPoints, numSamples, 0.0, highestMode, 1, seed).castTo(DataType.DOUBLE)
                .reshape(numSamples, 1, numPoints);
    }

    /**
     * A Gaussian random field with power spectrum {@code ∝ k^(−powerLaw)}: mode {@code k} (1 ≤ k <
     * N/2) gets standard normal sine and cosine amplitudes scaled by {@code k^(−powerLaw/2)}.
     */
    public static INDArray gaussianRandomField(int numPoints, int numSamples, double powerLaw, long seed) {
        Require.atLeast("numPoints", numPoints, 4);
        Require.atLeast("numSamples", numSamples, 1);
        Require.atLeast("powerLaw", powerLaw, 0.0);
        Require.product("numSamples × numPoints", "values of the initial conditions, one array",
                Require.MAX_ARRAY_LENGTH, numSamples, numPoints);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[numSamples * numPoints];
        for (int s = 0; s < numSamples; s++) {
            for (int k = 1; 2 * k < numPoints; k++) {
                double scale = Math.pow(k, -powerLaw / 2);
                double a = gaussian(random) * scale;
                double b = gaussian(random) * scale;
                for (int j = 0; j < numPoints; j++) {
                    double angle = 2 * Math.PI * k * j / numPoints;
                    values[s * numPoints + j] += a * Math.sin(angle) + b * Math.cos(angle);
                }
            }
        }
        return Nd4j.createFromArray(values).reshape(numSamples, 1, numPoints);
    }

    /**
     * The 2D truncated Fourier series {@code Σ a_k sin(2π(kₓx + k_y y)) + b_k cos(2π(kₓx + k_y y))}
     * over the modes with {@code max(|kₓ|, |k_y|) ≤ K} (one of each ± pair, the mean excluded), with
     * amplitudes uniform in [−1, 1]; shape {@code (samples, 1, N, N)}, axis 2 is y.
     */
    public static INDArray truncatedFourier2d(int numPoints, int numSamples, int highestMode, long seed) {
        Require.atLeast("highestMode", highestMode, 1);
        Require.that(2 * highestMode < numPoints, "highestMode",
                "must be < numPoints/2 = " + numPoints / 2.0 + " to be resolved, got " + highestMode);
        return series2d(numPoints, numSamples, highestMode, seed, (random, k) -> random.nextDouble(-1, 1));
    }

    /**
     * A 2D Gaussian random field with power spectrum {@code ∝ |k|^(−powerLaw)}: every mode with
     * {@code max(|kₓ|, |k_y|) < N/2} gets standard normal sine and cosine amplitudes scaled by
     * {@code |k|^(−powerLaw/2)}; shape {@code (samples, 1, N, N)}.
     */
    public static INDArray gaussianRandomField2d(int numPoints, int numSamples, double powerLaw, long seed) {
        Require.atLeast("powerLaw", powerLaw, 0.0);
        return series2d(numPoints, numSamples, (numPoints - 1) / 2, seed,
                (random, k) -> gaussian(random) * Math.pow(k, -powerLaw / 2));
    }

    /** Draws an amplitude for a mode of wavenumber magnitude {@code k}. */
    private interface Amplitude {
        double draw(SplittableRandom random, double k);
    }

    private static INDArray series2d(int numPoints, int numSamples, int highestMode, long seed, Amplitude amplitude) {
        Require.atLeast("numPoints", numPoints, 4);
        Require.atLeast("numSamples", numSamples, 1);
        Require.product("numSamples × numPoints × numPoints", "values of the initial conditions, one array",
                Require.MAX_ARRAY_LENGTH, numSamples, numPoints, numPoints);
        SplittableRandom random = new SplittableRandom(seed);
        int cells = numPoints * numPoints;
        double[] values = new double[numSamples * cells];
        for (int s = 0; s < numSamples; s++) {
            for (int ky = 0; ky <= highestMode; ky++) {
                for (int kx = -highestMode; kx <= highestMode; kx++) {
                    if (ky == 0 && kx <= 0) {
                        continue;
                    }
                    double magnitude = Math.hypot(kx, ky);
                    double a = amplitude.draw(random, magnitude);
                    double b = amplitude.draw(random, magnitude);
                    for (int i = 0; i < numPoints; i++) {
                        for (int j = 0; j < numPoints; j++) {
                            double angle = 2 * Math.PI * (kx * j + ky * i) / numPoints;
                            values[s * cells + i * numPoints + j] += a * Math.sin(angle) + b * Math.cos(angle);
                        }
                    }
                }
            }
        }
        return Nd4j.createFromArray(values).reshape(numSamples, 1, numPoints, numPoints);
    }

    /**
     * Gray–Scott initial states as APEBench draws them, shape {@code (samples, 2, N, N)}: the first
     * species {@code u = 1 − b₁}, the second {@code v = b₂}, for two independent Gaussian blobs
     * {@code b = exp(−|x/L − p|²/(2σ²))} whose centre p has coordinates uniform in [0.4, 0.6] and
     * whose variance σ² is uniform in [0.005, 0.01] (in units of the side length L).
     */
    public static INDArray grayScottBlobs(int numPoints, int numSamples, long seed) {
        Require.atLeast("numPoints", numPoints, 4);
        Require.atLeast("numSamples", numSamples, 1);
        Require.product("numSamples × 2 × numPoints × numPoints", "values of the initial conditions, one array",
                Require.MAX_ARRAY_LENGTH, numSamples, 2, numPoints, numPoints);
        SplittableRandom random = new SplittableRandom(seed);
        int cells = numPoints * numPoints;
        double[] values = new double[numSamples * 2 * cells];
        for (int s = 0; s < numSamples; s++) {
            for (int species = 0; species < 2; species++) {
                double px = random.nextDouble(0.4, 0.6);
                double py = random.nextDouble(0.4, 0.6);
                double variance = random.nextDouble(0.005, 0.01);
                for (int i = 0; i < numPoints; i++) {
                    for (int j = 0; j < numPoints; j++) {
                        double dx = (double) j / numPoints - px;
                        double dy = (double) i / numPoints - py;
                        double blob = Math.exp(-(dx * dx + dy * dy) / (2 * variance));
                        values[(2 * s + species) * cells + i * numPoints + j] = species == 0 ? 1 - blob : blob;
                    }
                }
            }
        }
        return Nd4j.createFromArray(values).reshape(numSamples, 2, numPoints, numPoints);
    }

    /** Scales every sample of {@code initial} in place as {@code normalisation} says; returns it. */
    public static INDArray normalise(INDArray initial, Normalisation normalisation, double amplitude) {
        Require.atLeast("amplitude", amplitude, 0.0);
        for (long s = 0; s < initial.size(0) && normalisation != Normalisation.NONE; s++) {
            INDArray sample = initial.get(NDArrayIndex.point(s));
            double measure = normalisation == Normalisation.MAX_ABS ? sample.amaxNumber().doubleValue()
                    : Math.sqrt(sample.mul(sample).meanNumber().doubleValue());
            Require.that(measure > 0, "initial", "sample " + s + " is zero and cannot be normalised");
            sample.muli(amplitude / measure);
        }
        return initial;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
