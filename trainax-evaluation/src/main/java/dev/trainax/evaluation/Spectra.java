package dev.trainax.evaluation;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weighted spectral energies on the periodic grid, by a plain-Java discrete Fourier transform
 * (unnormalised, all modes, one axis after the other) in float64: states are small and this keeps
 * the metrics independent of ND4J's FFT support on each backend.
 */
final class Spectra {

    private Spectra() {
    }

    /**
     * The signed integer wavenumber of DFT index {@code j} on {@code n} points: j for j ≤ n/2, j − n
     * above (the Nyquist mode of an even n is +n/2; only its magnitude is used).
     */
    static int wavenumber(int j, int n) {
        return j <= n / 2 ? j : j - n;
    }

    /**
     * Per sample, Σ over channels and modes k of w(k)·|x̂(k)|², x̂ the DFT over the spatial axes of
     * {@code rows} (samples, channels·space) laid out as {@code shape} (samples, channels, *space);
     * {@code weight} receives the signed integer wavenumber of each spatial axis.
     */
    static double[] energies(INDArray rows, long[] shape, ToDoubleFunction<int[]> weight) {
        int samples = Math.toIntExact(shape[0]);
        int channels = Math.toIntExact(shape[1]);
        int[] dims = new int[shape.length - 2];
        int points = 1;
        for (int d = 0; d < dims.length; d++) {
            dims[d] = Math.toIntExact(shape[d + 2]);
            points *= dims[d];
        }
        double[] weights = new double[points];
        int[] index = new int[dims.length];
        int[] k = new int[dims.length];
        for (int flat = 0; flat < points; flat++) {
            for (int d = 0; d < dims.length; d++) {
                k[d] = wavenumber(index[d], dims[d]);
            }
            weights[flat] = weight.applyAsDouble(k);
            for (int d = dims.length - 1; d >= 0; d--) {       // c order: the last axis fastest
                if (++index[d] < dims[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        double[] energies = new double[samples];
        double[] re = new double[points];
        double[] im = new double[points];
        for (int s = 0; s < samples; s++) {
            double[] row = rows.getRow(s).toDoubleVector();
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * points, re, 0, points);
                Arrays.fill(im, 0);
                dft(re, im, dims);
                double sum = 0;
                for (int i = 0; i < points; i++) {
                    if (weights[i] != 0) {
                        sum += weights[i] * (re[i] * re[i] + im[i] * im[i]);
                    }
                }
                energies[s] += sum;
            }
        }
        return energies;
    }

    /** In place: the unnormalised DFT x̂(k) = Σ_x x e^{−2πi k·x/n} over every axis of {@code dims}. */
    private static void dft(double[] re, double[] im, int[] dims) {
        int stride = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            int n = dims[d];
            double[] cos = new double[n];
            double[] sin = new double[n];
            for (int j = 0; j < n; j++) {
                cos[j] = Math.cos(2 * Math.PI * j / n);
                sin[j] = Math.sin(2 * Math.PI * j / n);
            }
            double[] lineRe = new double[n];
            double[] lineIm = new double[n];
            int block = stride * n;
            for (int outer = 0; outer < re.length; outer += block) {
                for (int inner = 0; inner < stride; inner++) {
                    int start = outer + inner;
                    for (int m = 0; m < n; m++) {
                        double sumRe = 0;
                        double sumIm = 0;
                        for (int j = 0; j < n; j++) {
                            int t = (int) ((long) m * j % n);
                            double xr = re[start + j * stride];
                            double xi = im[start + j * stride];
                            sumRe += xr * cos[t] + xi * sin[t];
                            sumIm += xi * cos[t] - xr * sin[t];
                        }
                        lineRe[m] = sumRe;
                        lineIm[m] = sumIm;
                    }
                    for (int m = 0; m < n; m++) {
                        re[start + m * stride] = lineRe[m];
                        im[start + m * stride] = lineIm[m];
                    }
                }
            }
            stride *= n;
        }
    }

    /** √(E(p − r)) / √(E(r)) per sample for the weighted energy E of {@link #energies}. */
    static double[] normalisedError(String metric, INDArray predicted, INDArray reference, ToDoubleFunction<int[]> weight) {
        INDArray[] rows = States.rows(metric, predicted, reference, 1);
        long[] shape = predicted.shape();
        double[] error = energies(rows[0].sub(rows[1]), shape, weight);
        double[] norm = energies(rows[1], shape, weight);
        double[] values = new double[error.length];
        for (int s = 0; s < values.length; s++) {
            values[s] = Math.sqrt(error[s]) / Math.max(Math.sqrt(norm[s]), States.TINY);
        }
        return values;
    }
}
