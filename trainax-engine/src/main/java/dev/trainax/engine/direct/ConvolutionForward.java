package dev.trainax.engine.direct;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;

/**
 * An NHWC {@code conv2d} without dilation (kernel {@code [kH, kW, in, out]}, any strides and zero
 * padding: {@link ConvolutionGeometry}) through oneDNN's forward primitive made once per
 * set of arrays ({@link OneDnnConvolution}; to one channel from sixteen, {@link OneDnnProjection}). Where oneDNN does not run or the arrays are not dense
 * float32 arrays, ND4J's own op runs. {@link #withRelu} makes the variant that also applies ReLU
 * to the result, for a {@code relu} that {@link DirectExecutor} folds into its convolution.
 */
final class ConvolutionForward implements Replacement {

    private final ConvolutionGeometry geometry;
    private final boolean relu;

    private ConvolutionForward(ConvolutionGeometry geometry, boolean relu) {
        this.geometry = geometry;
        this.relu = relu;
    }

    /** The replacement for {@code op}, or null if it is not a forward NHWC {@code conv2d} without dilation. */
    static ConvolutionForward of(DifferentialFunction op) {
        if (!(op instanceof Conv2D convolution) || op instanceof Conv2DDerivative) {
            return null;
        }
        ConvolutionGeometry geometry = ConvolutionGeometry.of(convolution.iArgs());
        return geometry == null ? null : new ConvolutionForward(geometry, false);
    }

    /**
     * This convolution with ReLU applied to its result. Where it declines the arrays, ND4J's op
     * runs without ReLU: whoever runs it checks that it ran ({@link PlannedOps#run} non-null).
     */
    ConvolutionForward withRelu() {
        return new ConvolutionForward(geometry, true);
    }

    /** None: without oneDNN the op itself is the cheapest way. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        return null;
    }

    /** oneDNN's forward primitive for input, kernel and bias if any (ReLU fused in if asked), or null (the op runs). */
    @Override
    public List<PlannedCall> calls(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (arguments[0].rank() != 4 || !geometry.fitsKernel(arguments[1])) {
            return null;
        }
        INDArray bias = arguments.length == 3 ? arguments[2] : null;
        PlannedCall call = OneDnnProjection.of(geometry, arguments[0], arguments[1], bias, outputs[0], relu);
        if (call == null) {
            call = OneDnnConvolution.of(geometry, arguments[0], arguments[1], bias, outputs[0], relu);
        }
        return call == null ? null : List.of(call);
    }
}
