package dev.trainax.engine.direct;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;

/**
 * A {@code conv2d} of {@link ConvolutionBackward}'s layout (NHWC, kernel {@code [kH, kW, in,
 * out]}, unit strides and dilations, no padding) through oneDNN's forward primitive made once per
 * set of arrays ({@link OneDnnConvolution}). Where oneDNN does not run or the arrays are not dense
 * float32 arrays, ND4J's own op runs.
 */
final class ConvolutionForward implements Replacement {

    private final long kernelHeight;
    private final long kernelWidth;

    private ConvolutionForward(long kernelHeight, long kernelWidth) {
        this.kernelHeight = kernelHeight;
        this.kernelWidth = kernelWidth;
    }

    /** The replacement for {@code op}, or null if it is not a forward {@code conv2d} of that layout. */
    static ConvolutionForward of(DifferentialFunction op) {
        if (!(op instanceof Conv2D convolution) || op instanceof Conv2DDerivative) {
            return null;
        }
        long[] a = convolution.iArgs();
        return ConvolutionBackward.unpaddedNhwc(a) ? new ConvolutionForward(a[0], a[1]) : null;
    }

    /** None: without oneDNN the op itself is the cheapest way. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        return null;
    }

    /** oneDNN's forward primitive for input, kernel and bias if any, or null (the op runs). */
    @Override
    public List<PlannedCall> calls(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        INDArray input = arguments[0];
        INDArray kernel = arguments[1];
        if (input.rank() != 4 || kernel.rank() != 4 || kernel.size(0) != kernelHeight
                || kernel.size(1) != kernelWidth) {
            return null;
        }
        PlannedCall call = OneDnnConvolution.of(input, kernel, arguments.length == 3 ? arguments[2] : null,
                outputs[0]);
        return call == null ? null : List.of(call);
    }
}
