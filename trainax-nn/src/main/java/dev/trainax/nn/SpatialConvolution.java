package dev.trainax.nn;

import dev.trainax.api.StepContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * pdequinox's {@code PhysicsConv} on the grid layout of the networks built from its blocks
 * ({@link DilatedResNet}, {@link ModernResNet}, {@link UNet}): states {@code (batch, channels, *space)},
 * 1D states as 2D {@code (batch, channels, points, 1)} (ND4J's {@code conv2d}, which oneDNN runs,
 * with kernels of unit width), 2D and 3D as they are. A convolution pads {@code ⌊(k − 1)/2⌋·d}
 * points before and {@code ⌈(k − 1)/2⌉·d} after every spatial axis with the boundary's
 * {@link Padding} (zeros of a symmetric padding inside the op), and has a bias.
 */
final class SpatialConvolution {

    private SpatialConvolution() {
    }

    /** The rank of the grid layout of states with {@code spatialDims} spatial axes. */
    static int rank(int spatialDims) {
        return 2 + Math.max(2, spatialDims);
    }

    /** {@code state} {@code (batch, channels, *space)} in the grid layout. */
    static SDVariable toGrid(SDVariable state, int spatialDims, long[] stateShape) {
        return spatialDims == 1 ? state.reshape(-1, stateShape[0], stateShape[1], 1) : state;
    }

    /** {@code x} from the grid layout back to {@code (batch, channels, points)} in 1D. */
    static SDVariable fromGrid(SDVariable x, int spatialDims, long channels, long points) {
        return spatialDims == 1 ? x.reshape(-1, channels, points) : x;
    }

    /** The points a kernel of {@code k} taps {@code d} apart reads before a point: {@code ⌊(k − 1)/2⌋·d}. */
    static int before(int kernelSize, int dilation) {
        return (kernelSize - 1) / 2 * dilation;
    }

    /** The points it reads after a point: {@code ⌈(k − 1)/2⌉·d}. */
    static int after(int kernelSize, int dilation) {
        return (kernelSize - 1 - (kernelSize - 1) / 2) * dilation;
    }

    /**
     * The convolution {@code in → out} with parameters {@code <prefix>weight} {@code [out, in, k, …]}
     * and {@code <prefix>bias} {@code [out]}, taps {@code dilation} apart, evaluated at every
     * {@code stride}-th point (pdequinox's strided down-sampling for stride 2).
     */
    static SDVariable apply(StepContext context, SDVariable x, String prefix, int spatialDims, int in, int out,
                            int kernelSize, int dilation, int stride, Padding padding) {
        SameDiff graph = context.graph();
        int before = before(kernelSize, dilation);
        int after = after(kernelSize, dilation);
        boolean zeroInOp = padding == Padding.ZERO && before == after;
        SDVariable padded = x;
        if (!zeroInOp) {
            for (int axis = 2; axis < 2 + spatialDims; axis++) {
                padded = padding.pad(graph, padded, axis, before, after);
            }
        }
        int pad = zeroInOp ? before : 0;
        SDVariable bias = context.parameter(prefix + "bias");
        SDVariable weight = context.parameter(prefix + "weight");
        if (spatialDims == 1) {
            // [out, in, k] → [k, 1, in, out]
            SDVariable kernel = context.derived(prefix + "kernel.grid",
                    () -> weight.permute(2, 1, 0).reshape(kernelSize, 1, in, out));
            return graph.cnn().conv2d(padded, kernel, bias, Conv2DConfig.builder().kH(kernelSize).kW(1)
                    .sH(stride).sW(1).pH(pad).pW(0).dH(dilation).dW(1).paddingMode(PaddingMode.VALID)
                    .dataFormat("NCHW").build());
        }
        SDVariable kernel = context.derived(prefix + "kernel.grid",
                () -> weight.permute(Conv.kernelPermutation(spatialDims)));
        return Conv.valid(graph, padded, kernel, bias, spatialDims, kernelSize, pad, dilation, stride);
    }
}
