package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The periodic line {@code [0, L)} or square {@code [0, L)²} of {@code N} points per axis with
 * {@code C} channels, and its Fourier transform in a SameDiff graph: the real DFT along the last
 * axis (x) and, on a square, the complex DFT along axis 2 (y), both as dense matrix products
 * ({@link RealDft}; ND4J has no FFT). States {@code (batch, C, N)} or {@code (batch, C, N, N)};
 * spectra {@code (batch, C, N/2+1)} or {@code (batch, C, N/2+1, N)}, indexed by the x mode
 * {@code m = 0..N/2} and, on a square, the y mode {@code n} (numpy's {@code fftfreq} order:
 * {@code n} for {@code n < N/2}, {@code n − N} above). Per-mode constants are shaped
 * {@code (1, C or 1, modes…)} and broadcast over the batch.
 */
final class FourierGrid {

    private final int spatialDims;
    private final int numPoints;
    private final int channels;
    private final double length;

    FourierGrid(int spatialDims, int numPoints, int channels, double length) {
        this.spatialDims = spatialDims;
        this.numPoints = numPoints;
        this.channels = channels;
        this.length = length;
    }

    int spatialDims() {
        return spatialDims;
    }

    int numPoints() {
        return numPoints;
    }

    double length() {
        return length;
    }

    int channels() {
        return channels;
    }

    /** Fourier coefficients per channel. */
    int modes() {
        return spatialDims == 1 ? RealDft.modes(numPoints) : RealDft.modes(numPoints) * numPoints;
    }

    /**
     * The integer wavenumber of every mode along x ({@code axis} 0) or y ({@code axis} 1), in the
     * spectrum's flattened order.
     */
    int[] wavenumbers(int axis) {
        int[] result = new int[modes()];
        for (int mode = 0; mode < result.length; mode++) {
            if (spatialDims == 1) {
                result[mode] = axis == 0 ? mode : 0;
            } else {
                int n = mode % numPoints;
                result[mode] = axis == 0 ? mode / numPoints : (2 * n < numPoints ? n : n - numPoints);
            }
        }
        return result;
    }

    /** {@link #wavenumbers} as angular wavenumbers {@code 2πk/L}. */
    double[] angularWavenumbers(int axis) {
        return Arrays.stream(wavenumbers(axis)).mapToDouble(k -> 2 * Math.PI * k / length).toArray();
    }

    /** {@code |κ|²} per mode. */
    double[] squaredWavenumbers() {
        double[] x = angularWavenumbers(0);
        double[] y = angularWavenumbers(1);
        double[] result = new double[x.length];
        for (int mode = 0; mode < result.length; mode++) {
            result[mode] = x[mode] * x[mode] + y[mode] * y[mode];
        }
        return result;
    }

    /**
     * 1 on the modes a dealiased nonlinearity keeps, else 0: exponax's mask, {@code |k| ≤
     * fraction·(N/2) − 1} along every axis (2/3 is Orszag's rule for quadratic terms, 1/2 for
     * cubic ones), applied to the spectra a nonlinearity reads and to the spectrum it returns.
     */
    double[] lowPass(double fraction) {
        double cutoff = fraction * (numPoints / 2) - 1;
        int[] x = wavenumbers(0);
        int[] y = wavenumbers(1);
        double[] mask = new double[x.length];
        for (int mode = 0; mode < mask.length; mode++) {
            mask[mode] = Math.abs(x[mode]) <= cutoff && Math.abs(y[mode]) <= cutoff ? 1.0 : 0.0;
        }
        return mask;
    }

    /** {@code spectrum} with the modes outside {@link #lowPass lowPass(fraction)} zeroed. */
    Spectrum dealiased(StepContext context, Spectrum spectrum, double fraction) {
        SDVariable mask = constant(context, "spectral" + spatialDims + "d." + numPoints + ".lowPass" + fraction,
                lowPass(fraction));
        return new Spectrum(spectrum.re().mul(mask), spectrum.im().mul(mask));
    }

    /**
     * A per-mode constant: {@code values} holds {@code modes()} numbers per channel, for one
     * channel (shared by all) or for each of the {@code C}.
     */
    SDVariable constant(StepContext context, String key, double[] values) {
        int perChannel = values.length / modes();
        long[] shape = spatialDims == 1 ? new long[] {1, perChannel, RealDft.modes(numPoints)}
                : new long[] {1, perChannel, RealDft.modes(numPoints), numPoints};
        return context.constant(key, Nd4j.createFromArray(values).reshape(shape));
    }

    /** A per-mode complex factor; a real one where {@code im} is all zero. */
    Spectrum.Factor factor(StepContext context, String key, double[] re, double[] im) {
        boolean real = Arrays.stream(im).allMatch(v -> v == 0);
        return new Spectrum.Factor(constant(context, key, re), real ? null : constant(context, key + "Im", im));
    }

    private SDVariable matrix(StepContext context, String key, double[][] values) {
        return context.constant("spectral" + spatialDims + "d." + numPoints + "." + key, Nd4j.createFromArray(values));
    }

    /** The spectrum of states {@code (batch, C, N…)}. */
    Spectrum forward(StepContext context, SDVariable state) {
        SDVariable rows = state.reshape(-1, numPoints);
        SDVariable re = rows.mmul(matrix(context, "C", RealDft.forward(numPoints, false)));
        SDVariable im = rows.mmul(matrix(context, "S", RealDft.forward(numPoints, true)));
        int m = RealDft.modes(numPoints);
        if (spatialDims == 1) {
            return new Spectrum(re.reshape(-1, channels, m), im.reshape(-1, channels, m));
        }
        Spectrum alongY = complexAlongY(context, new Spectrum(yLast(re, numPoints, m), yLast(im, numPoints, m)),
                "Fc", RealDft.complexForward(numPoints, false), "Fs", RealDft.complexForward(numPoints, true));
        return new Spectrum(alongY.re().reshape(-1, channels, m, numPoints),
                alongY.im().reshape(-1, channels, m, numPoints));
    }

    /** The states {@code (batch, C, N…)} of a spectrum (the imaginary parts of self-conjugate modes ignored). */
    SDVariable inverse(StepContext context, Spectrum spectrum) {
        int m = RealDft.modes(numPoints);
        SDVariable re = spectrum.re();
        SDVariable im = spectrum.im();
        if (spatialDims == 2) {
            Spectrum alongY = complexAlongY(context, new Spectrum(re.reshape(-1, numPoints), im.reshape(-1, numPoints)),
                    "Gc", RealDft.complexInverse(numPoints, false), "Gs", RealDft.complexInverse(numPoints, true));
            re = yLast(alongY.re(), m, numPoints);
            im = yLast(alongY.im(), m, numPoints);
        }
        SDVariable rows = re.reshape(-1, m).mmul(matrix(context, "Ci", RealDft.inverse(numPoints, false)))
                .add(im.reshape(-1, m).mmul(matrix(context, "Si", RealDft.inverse(numPoints, true))));
        return spatialDims == 1 ? rows.reshape(-1, channels, numPoints)
                : rows.reshape(-1, channels, numPoints, numPoints);
    }

    /** Rows {@code (…, a, b)} flattened as {@code (… · a, b)} turned into {@code (… · b, a)}. */
    private static SDVariable yLast(SDVariable rows, int a, int b) {
        return rows.reshape(-1, a, b).permute(0, 2, 1).reshape(-1, a);
    }

    /** {@code (a + ib)·(C + iS)} for rows {@code a + ib} along y. */
    private Spectrum complexAlongY(StepContext context, Spectrum rows, String cosKey, double[][] cos, String sinKey,
                                   double[][] sin) {
        SDVariable c = matrix(context, cosKey, cos);
        SDVariable s = matrix(context, sinKey, sin);
        return new Spectrum(rows.re().mmul(c).sub(rows.im().mmul(s)), rows.re().mmul(s).add(rows.im().mmul(c)));
    }
}
