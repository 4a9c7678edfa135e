package dev.trainax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The discrete Fourier transforms of a spectral convolution, restricted to its lowest modes, as
 * dense real matrices acting on row vectors (ND4J has no FFT). Complex vectors are stored as their
 * real parts followed by their imaginary parts. Normalised like numpy's default ("backward"): the
 * forward transform unscaled, the inverse by {@code 1/N}.
 *
 * <p>Along the last spatial axis the transform is numpy's {@code rfft}, modes {@code 0..m−1}; along
 * the other axes it is the complex {@code fft}, modes {@code 0..m−1} followed by
 * {@code N−m..N−1} (the negative modes {@code −m..−1}). Every grid holds at least {@code 2m} points,
 * so the modes are distinct and the Nyquist mode is never among them. (trainax-sampledata's
 * {@code RealDft} and trainax-losses' {@code Spectrum} build the full, untruncated real transforms
 * from the same cosines and sines.)
 */
final class TruncatedDft {

    private TruncatedDft() {
    }

    /**
     * {@code rfft} to modes {@code 0..m−1}: {@code N × 2m}, {@code [Re | Im]} with
     * {@code Re X_k = Σ_n x_n cos θ}, {@code Im X_k = −Σ_n x_n sin θ}, {@code θ = 2πkn/N}.
     */
    static INDArray realForward(int points, int modes) {
        double[][] matrix = new double[points][2 * modes];
        for (int n = 0; n < points; n++) {
            for (int k = 0; k < modes; k++) {
                double angle = angle(k, n, points);
                matrix[n][k] = Math.cos(angle);
                matrix[n][modes + k] = -Math.sin(angle);
            }
        }
        return Nd4j.createFromArray(matrix);
    }

    /**
     * {@code irfft} of a spectrum whose modes {@code 0..m−1} are given, the others zero:
     * {@code 2m × N}, {@code x_n = Σ_k c_k/N·(Re X_k cos θ − Im X_k sin θ)} with {@code c_0 = 1}
     * and {@code c_k = 2} for the modes whose conjugates the half spectrum leaves out. Like
     * {@code irfft} it ignores {@code Im X_0}.
     */
    static INDArray realInverse(int points, int modes) {
        double[][] matrix = new double[2 * modes][points];
        for (int k = 0; k < modes; k++) {
            double weight = (k == 0 ? 1.0 : 2.0) / points;
            for (int n = 0; n < points; n++) {
                double angle = angle(k, n, points);
                matrix[k][n] = weight * Math.cos(angle);
                matrix[modes + k][n] = -weight * Math.sin(angle);
            }
        }
        return Nd4j.createFromArray(matrix);
    }

    /**
     * {@code fft} of a complex vector to the modes {@code 0..m−1, N−m..N−1}: {@code 2N × 4m},
     * {@code X_k = Σ_n x_n e^{−iθ}}.
     */
    static INDArray complexForward(int points, int modes) {
        return complex(points, modes, -1, 1.0, true);
    }

    /**
     * The inverse {@code ifft} of a spectrum whose modes {@code 0..m−1, N−m..N−1} are given, the
     * others zero: {@code 4m × 2N}, {@code x_n = (1/N)·Σ_k X_k e^{iθ}}.
     */
    static INDArray complexInverse(int points, int modes) {
        return complex(points, modes, 1, 1.0 / points, false);
    }

    /**
     * The real form of {@code z ↦ scale·Σ z·e^{sign·iθ}} between {@code points} grid values and the
     * {@code 2m} kept modes, grid to modes if {@code toModes}, else modes to grid: a product
     * {@code (a + ib)(cos θ + i·sign·sin θ)} has real part {@code a cos θ − sign·b sin θ} and
     * imaginary part {@code sign·a sin θ + b cos θ}.
     */
    private static INDArray complex(int points, int modes, int sign, double scale, boolean toModes) {
        int kept = 2 * modes;
        int rows = toModes ? points : kept;
        int columns = toModes ? kept : points;
        double[][] matrix = new double[2 * rows][2 * columns];
        for (int j = 0; j < kept; j++) {
            int k = j < modes ? j : points - kept + j;
            for (int n = 0; n < points; n++) {
                double angle = angle(k, n, points);
                double cos = scale * Math.cos(angle);
                double sin = scale * sign * Math.sin(angle);
                int row = toModes ? n : j;
                int column = toModes ? j : n;
                matrix[row][column] = cos;
                matrix[rows + row][column] = -sin;
                matrix[row][columns + column] = sin;
                matrix[rows + row][columns + column] = cos;
            }
        }
        return Nd4j.createFromArray(matrix);
    }

    /** {@code 2πkn/N}, with {@code kn} reduced modulo {@code N} first to keep large grids exact. */
    private static double angle(int k, int n, int points) {
        return 2 * Math.PI * (((long) k * n) % points) / points;
    }
}
