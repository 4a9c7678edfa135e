package dev.trainax.nn;

import dev.trainax.api.StepContext;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * pdequinox's {@code SpectralConv} ({@code width → width} channels, 1 or 2 spatial axes) on hidden
 * states laid out channels first, {@code (channels, batch·space)}: transform to the lowest
 * {@code modes} Fourier modes ({@link TruncatedDft}), multiply each mode by its own complex
 * {@code width × width} matrix, transform back with the other modes zero.
 *
 * <p>The kept modes are pdequinox's: {@code rfftn}'s modes {@code 0..m−1} along the last axis and,
 * in 2D, modes {@code 0..m−1} and {@code −m..−1} along the first, each half with its own weights
 * (pdequinox's leading weight axis of size {@code 2^(D−1)}). Parameters {@code <prefix>real} and
 * {@code <prefix>imag}, shape {@code (2^(D−1), width, width, m[, m])} with
 * {@code [g, o, i, k…]} the weight from input channel {@code i} to output channel {@code o}: the
 * axes of pdequinox's {@code weights_real}/{@code weights_imag} in the order its {@code einsum}
 * contracts them (it allocates them as {@code (g, in, out, …)} but reads the second axis as the
 * output channel; the FNO's are square, so its arrays load here unchanged). Initialised like
 * pdequinox: standard normal times {@code 1/(width·width)}.
 *
 * <p>All products are matrix products: one per transformed axis (the hidden state reshaped to rows
 * of one axis) and one batched product over the modes with the real form
 * {@code [[Wr, −Wi], [Wi, Wr]]} of the complex weights, built once per graph.
 */
final class SpectralConvolution {

    private final int spatialDims;
    private final int width;
    private final int modes;
    private final String prefix;

    /**
     * @param spatialDims 1 or 2
     * @param width       input and output channels
     * @param modes       modes kept per axis and side
     * @param prefix      the parameter names' prefix
     */
    SpectralConvolution(int spatialDims, int width, int modes, String prefix) {
        this.spatialDims = spatialDims;
        this.width = width;
        this.modes = modes;
        this.prefix = prefix;
    }

    /** {@code 2·width²·m^D·2^(D−1)}: real and imaginary weights, saturating. */
    static long parameterCount(int spatialDims, long width, long modes) {
        long perPart = ParameterCount.times(width, width);
        for (int axis = 0; axis < spatialDims; axis++) {
            perPart = ParameterCount.times(perPart, modes);
        }
        return ParameterCount.times(perPart, 2L << (spatialDims - 1));
    }

    /** Adds {@code <prefix>real} and {@code <prefix>imag}, drawn like pdequinox's. */
    void initialise(Map<String, INDArray> arrays, SplittableRandom random) {
        long[] shape = spatialDims == 1 ? new long[] {1, width, width, modes}
                : new long[] {2, width, width, modes, modes};
        double scale = 1.0 / ((double) width * width);
        arrays.put(prefix + "real", Init.normal(random, scale, shape));
        arrays.put(prefix + "imag", Init.normal(random, scale, shape));
    }

    /**
     * The spectral convolution of {@code x}, {@code (width, batch·space)} with {@code space} the
     * context's spatial shape, as {@code (width, batch·space)}.
     */
    SDVariable apply(StepContext context, SDVariable x) {
        long[] space = Arrays.copyOfRange(context.stateShape(), 1, context.stateShape().length);
        int last = Math.toIntExact(space[space.length - 1]);
        SDVariable weights = mixing(context);
        // rfft along the last axis: rows of `last` points → [Re | Im] of modes 0..m−1
        SDVariable spectrum = x.reshape(-1, last).mmul(constant(context, "rfft", last, TruncatedDft.realForward(last,
                modes)));
        if (spatialDims == 1) {
            // (width, batch, 2, m) → (m, 2·width, batch): one real 2·width-vector per mode and sample
            SDVariable perMode = spectrum.reshape(width, -1, 2, modes).permute(3, 2, 0, 1).reshape(modes, 2 * width, -1);
            SDVariable mixed = weights.mmul(perMode).reshape(modes, 2, width, -1);
            return mixed.permute(2, 3, 1, 0).reshape(-1, 2 * modes)
                    .mmul(constant(context, "irfft", last, TruncatedDft.realInverse(last, modes))).reshape(width, -1);
        }
        int first = Math.toIntExact(space[0]);
        // (width, batch, N0, 2, m) → rows (width, batch, m) of [Re | Im] over N0 → fft along the first axis
        SDVariable both = spectrum.reshape(width, -1, first, 2, modes).permute(0, 1, 4, 3, 2).reshape(-1, 2 * first)
                .mmul(constant(context, "fft", first, TruncatedDft.complexForward(first, modes)));
        // (width, batch, m1, 2, 2m0) → (m1·2m0, 2·width, batch)
        SDVariable perMode = both.reshape(width, -1, modes, 2, 2 * modes).permute(2, 4, 3, 0, 1)
                .reshape(2 * modes * modes, 2 * width, -1);
        SDVariable mixed = weights.mmul(perMode).reshape(modes, 2 * modes, 2, width, -1);
        // (m1, 2m0, 2, width, batch) → rows (width, batch, m1) of [Re | Im] over the 2m0 modes → ifft
        SDVariable rows = mixed.permute(3, 4, 0, 2, 1).reshape(-1, 4 * modes)
                .mmul(constant(context, "ifft", first, TruncatedDft.complexInverse(first, modes)));
        // (width, batch, m1, 2, N0) → rows (width, batch, N0) of [Re | Im] over m1 → irfft
        return rows.reshape(width, -1, modes, 2, first).permute(0, 1, 4, 3, 2).reshape(-1, 2 * modes)
                .mmul(constant(context, "irfft", last, TruncatedDft.realInverse(last, modes))).reshape(width, -1);
    }

    /**
     * The weights as one real {@code 2·width × 2·width} matrix per mode, {@code [[Wr, −Wi], [Wi, Wr]]}
     * acting on {@code [Re; Im]} columns, the modes ordered as {@link #apply} lays them out: in 2D
     * the last axis's mode slowest, then the first axis's positive and negative halves.
     */
    private SDVariable mixing(StepContext context) {
        return context.derived(prefix + "mixing", () -> {
            SameDiff graph = context.graph();
            int count = spatialDims == 1 ? modes : 2 * modes * modes;
            // (g, o, i, m) → (m, o, i); (g, o, i, m0, m1) → (m1, g, m0, o, i)
            int[] order = spatialDims == 1 ? new int[] {3, 0, 1, 2} : new int[] {4, 0, 3, 1, 2};
            SDVariable real = context.parameter(prefix + "real").permute(order).reshape(count, width, width);
            SDVariable imag = context.parameter(prefix + "imag").permute(order).reshape(count, width, width);
            return graph.concat(1, graph.concat(2, real, imag.neg()), graph.concat(2, imag, real));
        });
    }

    /** A transform matrix of {@code points} grid values, shared by every spectral convolution of the graph. */
    private SDVariable constant(StepContext context, String name, int points, INDArray matrix) {
        return context.constant("spectral." + name + "." + points + "." + modes, matrix);
    }
}
