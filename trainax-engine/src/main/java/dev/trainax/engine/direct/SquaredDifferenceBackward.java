package dev.trainax.engine.direct;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.SquaredDifferenceBpOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of {@code (x − y)²} ({@code squaredsubtract_bp}, the gradient of a squared
 * error) for arrays of one shape: {@code dL/dx = 2·g·(x − y)} as three element-wise ops,
 * {@code dL/dy} its negative, each only if read (the target {@code y} of a loss takes none).
 * The op's own argument handling made it cost twice its three element-wise passes. The results
 * are the op's to the bit: factors of 2 and −1 are exact.
 */
final class SquaredDifferenceBackward implements Replacement {

    private SquaredDifferenceBackward() {
    }

    /** The replacement for {@code op}, or null if it is not {@code squaredsubtract_bp}. */
    static SquaredDifferenceBackward of(DifferentialFunction op) {
        return op instanceof SquaredDifferenceBpOp ? new SquaredDifferenceBackward() : null;
    }

    /** The ops for {@code x, y, g} into {@code dL/dx, dL/dy}; null unless all five arrays have one shape and type. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        INDArray x = arguments[0];
        INDArray y = arguments[1];
        INDArray gradient = arguments[2];
        for (INDArray array : new INDArray[] {y, gradient, outputs[0], outputs[1]}) {
            if (!x.equalShapes(array) || array.dataType() != x.dataType()) {
                return null;
            }
        }
        List<DynamicCustomOp> ops = new ArrayList<>();
        if (outputsRead[0]) {
            ops.addAll(twiceTheProduct(x, y, gradient, outputs[0]));
        }
        if (outputsRead[1]) {
            if (outputsRead[0]) {
                ops.add(Replacement.elementwise("multiply", outputs[0], Nd4j.scalar(x.dataType(), -1.0),
                        outputs[1]));
            } else {
                ops.addAll(twiceTheProduct(y, x, gradient, outputs[1]));
            }
        }
        return ops;
    }

    /** {@code 2·g·(a − b)} into {@code output}, in place after the first op. */
    private static List<DynamicCustomOp> twiceTheProduct(INDArray a, INDArray b, INDArray gradient, INDArray output) {
        return List.of(Replacement.elementwise("subtract", a, b, output),
                Replacement.elementwise("multiply", output, gradient, output),
                Replacement.elementwise("multiply", output, Nd4j.scalar(a.dataType(), 2.0), output));
    }
}
