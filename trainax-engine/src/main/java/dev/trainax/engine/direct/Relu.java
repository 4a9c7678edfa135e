package dev.trainax.engine.direct;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;

/**
 * ReLU ({@code relu} with cutoff 0) and its gradient ({@code thresholdedrelu_bp} with cutoff 0)
 * through oneDNN ({@link OneDnnRelu}) on dense float32 arrays of the same length. Otherwise the
 * forward op runs itself and the gradient runs as {@link DirectExecutor}'s step and product.
 */
final class Relu implements Replacement {

    private final boolean gradient;

    private Relu(boolean gradient) {
        this.gradient = gradient;
    }

    /** The replacement for {@code op}, or null unless it is ReLU or its gradient with cutoff 0. */
    static Relu of(DifferentialFunction op) {
        if (op instanceof ThresholdReluBp backward) {
            return backward.getCutoff() == 0.0 ? new Relu(true) : null;
        }
        if (op instanceof RectifiedLinear forward) {
            INDArray cutoff = forward.scalar();
            return cutoff != null && cutoff.getDouble(0) == 0.0 ? new Relu(false) : null;
        }
        return null;
    }

    /** Whether {@code op} is ReLU's forward pass with cutoff 0. */
    static boolean isForward(DifferentialFunction op) {
        Relu relu = of(op);
        return relu != null && !relu.gradient;
    }

    /** None: without oneDNN the op (or the executor's step and product) is the cheapest way. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        return null;
    }

    /** oneDNN's primitive on {@code arguments} (input, and gradient for the backward pass), or null. */
    @Override
    public List<PlannedCall> calls(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        PlannedCall call = gradient ? OneDnnRelu.backward(arguments[0], arguments[1], outputs[0])
                : OneDnnRelu.forward(arguments[0], outputs[0]);
        return call == null ? null : List.of(call);
    }
}
