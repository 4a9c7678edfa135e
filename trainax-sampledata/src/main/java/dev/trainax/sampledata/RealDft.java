package dev.trainax.sampledata;

import dev.trainax.api.internal.Require;

/**
 * The real discrete Fourier transform of {@code N} points (N even) as dense matrices acting on row
 * vectors: forward {@code Re û = u·C}, {@code Im û = u·S} over modes {@code 0..N/2}, and inverse
 * {@code u = Re û·Ci + Im û·Si} (the inverse of numpy's {@code rfft}, which ignores the imaginary
 * part of the Nyquist mode). ND4J has no FFT; these are exact and cost {@code O(N²)} per
 * transform, fine for the grids of emulator benchmarks.
 */
final class RealDft {

    private RealDft() {
    }

    /**
     * The grid and step of a spectral stepper: an even number of points ≥ 4 whose dense
     * {@code N × N} matrices fit one array, Δt > 0, L > 0.
     */
    static void requireGrid(int numPoints, double dt, double length) {
        Require.that(numPoints >= 4 && numPoints % 2 == 0, "numPoints",
                "must be even and ≥ 4, got " + numPoints);
        Require.that(dt > 0 && Double.isFinite(dt), "dt", "must be > 0, got " + dt);
        Require.that(length > 0 && Double.isFinite(length), "length", "must be > 0, got " + length);
        Require.product("numPoints × numPoints", "entries of a dense Fourier matrix, one array",
                Require.MAX_ARRAY_LENGTH, numPoints, numPoints);
    }

    static int modes(int numPoints) {
        return numPoints / 2 + 1;
    }

    /** {@code C} ({@code cos}) or, if {@code imaginary}, {@code S} ({@code −sin}), shape {@code N × (N/2+1)}. */
    static double[][] forward(int numPoints, boolean imaginary) {
        return transpose(inverseOrForward(numPoints, modes(numPoints), imaginary, -1.0, k -> 1.0));
    }

    /** {@code Ci} or, if {@code imaginary}, {@code Si}, shape {@code (N/2+1) × N}. */
    static double[][] inverse(int numPoints, boolean imaginary) {
        return inverseOrForward(numPoints, modes(numPoints), imaginary, -1.0,
                k -> (k == 0 || k == numPoints / 2 ? 1.0 : 2.0) / numPoints);
    }

    /**
     * The complex DFT of {@code N} points along an axis of complex values, as the real and
     * imaginary parts {@code (cos, −sin)} of {@code e^{−2πijk/N}}, shape {@code N × N}, index
     * {@code [j][k]}; applied to {@code a + ib} as {@code (a·C − b·S) + i(a·S + b·C)}.
     */
    static double[][] complexForward(int numPoints, boolean imaginary) {
        return transpose(inverseOrForward(numPoints, numPoints, imaginary, -1.0, k -> 1.0));
    }

    /** The inverse of {@link #complexForward}: {@code (cos, sin)/N} of {@code 2πjk/N}, index {@code [k][j]}, applied alike. */
    static double[][] complexInverse(int numPoints, boolean imaginary) {
        return inverseOrForward(numPoints, numPoints, imaginary, 1.0, k -> 1.0 / numPoints);
    }

    /** {@code [k][j] = weight(k)·(cos or sign·sin)(2πkj/N)} for {@code modes} rows. */
    private static double[][] inverseOrForward(int numPoints, int modes, boolean imaginary, double sign,
                                               java.util.function.IntToDoubleFunction weight) {
        double[][] matrix = new double[modes][numPoints];
        for (int k = 0; k < modes; k++) {
            for (int j = 0; j < numPoints; j++) {
                double angle = 2 * Math.PI * ((long) k * j % numPoints) / numPoints;
                matrix[k][j] = weight.applyAsDouble(k) * (imaginary ? sign * Math.sin(angle) : Math.cos(angle));
            }
        }
        return matrix;
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] result = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                result[j][i] = matrix[i][j];
            }
        }
        return result;
    }

    /**
     * The real {@code N × N} matrix {@code M} with {@code u·M = irfft(m ⊙ rfft(u))} for the complex
     * multipliers {@code m_k = re[k] + i·im[k]}: {@code M = C·diag(re)·Ci − S·diag(im)·Ci +
     * C·diag(im)·Si + S·diag(re)·Si}.
     */
    static double[][] fourierMultiplier(int numPoints, double[] re, double[] im) {
        double[][] c = forward(numPoints, false);
        double[][] s = forward(numPoints, true);
        double[][] ci = inverse(numPoints, false);
        double[][] si = inverse(numPoints, true);
        double[][] matrix = new double[numPoints][numPoints];
        for (int j = 0; j < numPoints; j++) {
            for (int l = 0; l < numPoints; l++) {
                double sum = 0;
                for (int k = 0; k < modes(numPoints); k++) {
                    sum += c[j][k] * (re[k] * ci[k][l] + im[k] * si[k][l])
                            + s[j][k] * (re[k] * si[k][l] - im[k] * ci[k][l]);
                }
                matrix[j][l] = sum;
            }
        }
        return matrix;
    }
}
