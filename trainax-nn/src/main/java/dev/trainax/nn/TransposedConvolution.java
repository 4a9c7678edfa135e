package dev.trainax.nn;

import dev.trainax.api.StepContext;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * pdequinox's up-sampling {@code LinearConvUpBlock} (a {@code PhysicsConvTranspose} of kernel 3,
 * stride 2, output padding 1, with bias) on the grid layout of {@link SpatialConvolution}, doubling
 * every spatial axis. pdequinox pads the input by one point per side with the boundary's padding,
 * dilates it by 2 and correlates it with the kernel {@code w} (not flipped); per axis that gives
 * {@code y[2m] = w₁·x[m]} and {@code y[2m + 1] = w₀·x[m] + w₂·x[m + 1]}, with {@code x[M]} the
 * boundary's value after the last point (the padding before the first is never read).
 *
 * <p>SameDiff's {@code deconv2d} has no output padding and reads the kernel flipped relative to
 * pdequinox's, so this computes the same sums without the zeros of the dilation: the input padded
 * by one point after every spatial axis, one ND4J convolution of kernel 2 per axis into
 * {@code 2^D·out} channels (one {@code out}-channel output per parity of the output point, its
 * kernel the taps above, derived from {@code w} by a constant matrix), and the parities interleaved
 * into the doubled grid. In 2D that is 16 products per input point and channel pair, where the
 * convolution over the dilated input takes 36.
 */
final class TransposedConvolution {

    /** The pdequinox kernel size of the up-sampling. */
    static final int KERNEL_SIZE = 3;

    private TransposedConvolution() {
    }

    /**
     * The up-sampled {@code x} (grid layout, {@code in} channels, {@code size} points along each
     * spatial axis): {@code out} channels, {@code 2·size} points, parameters {@code <prefix>weight}
     * {@code [out, in, 3, …]} and {@code <prefix>bias} {@code [out]}.
     */
    static SDVariable apply(StepContext context, SDVariable x, String prefix, int spatialDims, int in, int out,
                            long[] size, Padding padding) {
        SameDiff graph = context.graph();
        SDVariable padded = x;
        for (int axis = 2; axis < 2 + spatialDims; axis++) {
            padded = padding.pad(graph, padded, axis, 0, 1);
        }
        SDVariable kernel = context.derived(prefix + "kernel.parities", () -> parityKernel(context, prefix,
                spatialDims, in, out));
        SDVariable y = spatialDims == 1
                ? graph.cnn().conv2d(padded, kernel, Conv2DConfig.builder().kH(2).kW(1).sH(1).sW(1).pH(0).pW(0)
                        .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build())
                : Conv.valid(graph, padded, kernel, null, spatialDims, 2, 0);
        SDVariable interleaved = interleave(y, spatialDims, out, size);
        long[] biasShape = new long[SpatialConvolution.rank(spatialDims)];
        Arrays.fill(biasShape, 1);
        biasShape[1] = out;
        return interleaved.add(context.parameter(prefix + "bias").reshape(biasShape));
    }

    /**
     * The weight {@code [out, in, 3, …]} as the ND4J kernel {@code [2, …, in, 2^D·out]} (in 1D
     * {@code [2, 1, in, 2·out]}) of all parities, output channel {@code parity·out + o}.
     */
    private static SDVariable parityKernel(StepContext context, String prefix, int spatialDims, int in, int out) {
        int taps = (int) Math.pow(KERNEL_SIZE, spatialDims);
        int parities = 1 << spatialDims;
        SDVariable selection = context.constant("transposed.selection." + spatialDims,
                Nd4j.createFromArray(selection(spatialDims)));
        // [out·in, 3^D] · [3^D, parities·offsets] → [out, in, parity, offset₁, …, offset_D]
        long[] split = new long[3 + spatialDims];
        Arrays.fill(split, 2);
        split[0] = out;
        split[1] = in;
        split[2] = parities;
        SDVariable sums = context.parameter(prefix + "weight").reshape(out * in, taps).mmul(selection)
                .reshape(split);
        // → [offset₁, …, offset_D, in, parity, out]
        int[] order = new int[3 + spatialDims];
        for (int a = 0; a < spatialDims; a++) {
            order[a] = 3 + a;
        }
        order[spatialDims] = 1;
        order[spatialDims + 1] = 2;
        order[spatialDims + 2] = 0;
        SDVariable permuted = sums.permute(order);
        if (spatialDims == 1) {
            return permuted.reshape(2, 1, in, (long) parities * out);
        }
        long[] kernel = new long[2 + spatialDims];
        Arrays.fill(kernel, 2);
        kernel[spatialDims] = in;
        kernel[spatialDims + 1] = (long) parities * out;
        return permuted.reshape(kernel);
    }

    /**
     * The constant {@code [3^D, 2^D·2^D]} matrix from the taps {@code (t₁, …, t_D)} (row-major) to
     * the kernels of the parities {@code (a₁, …, a_D)} at offsets {@code (o₁, …, o_D)} (column
     * {@code parity·2^D + offset}, both row-major): per axis, parity 0 reads tap 1 at offset 0,
     * parity 1 taps 0 and 2 at offsets 0 and 1.
     */
    static double[][] selection(int spatialDims) {
        int taps = (int) Math.pow(KERNEL_SIZE, spatialDims);
        int corners = 1 << spatialDims;
        double[][] matrix = new double[taps][corners * corners];
        for (int t = 0; t < taps; t++) {
            for (int parity = 0; parity < corners; parity++) {
                for (int offset = 0; offset < corners; offset++) {
                    boolean selected = true;
                    int tap = t;
                    for (int axis = spatialDims - 1; axis >= 0; axis--) {
                        int a = parity >> (spatialDims - 1 - axis) & 1;
                        int o = offset >> (spatialDims - 1 - axis) & 1;
                        selected &= tap % KERNEL_SIZE == (a == 0 ? (o == 0 ? 1 : -1) : 2 * o);
                        tap /= KERNEL_SIZE;
                    }
                    matrix[t][parity * corners + offset] = selected ? 1 : 0;
                }
            }
        }
        return matrix;
    }

    /**
     * {@code (batch, parity·out + o, m₁, …)} → {@code (batch, o, 2m₁ + a₁, …)}: each parity's
     * output on its points of the doubled grid.
     */
    private static SDVariable interleave(SDVariable y, int spatialDims, int out, long[] size) {
        if (spatialDims == 1) {
            return y.reshape(-1, 2, out, size[0], 1).permute(0, 2, 3, 1, 4).reshape(-1, out, 2 * size[0], 1);
        }
        // (batch, a₁, …, a_D, out, m₁, …, m_D) → (batch, out, m₁, a₁, …, m_D, a_D)
        long[] split = new long[2 + 2 * spatialDims];
        split[0] = -1;
        int[] order = new int[split.length];
        long[] doubled = new long[2 + spatialDims];
        doubled[0] = -1;
        doubled[1] = out;
        for (int axis = 0; axis < spatialDims; axis++) {
            split[1 + axis] = 2;
            split[2 + spatialDims + axis] = size[axis];
            order[2 + 2 * axis] = 2 + spatialDims + axis;
            order[3 + 2 * axis] = 1 + axis;
            doubled[2 + axis] = 2 * size[axis];
        }
        split[1 + spatialDims] = out;
        order[1] = 1 + spatialDims;
        return y.reshape(split).permute(order).reshape(doubled);
    }
}
