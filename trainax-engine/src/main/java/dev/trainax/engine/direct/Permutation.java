package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Permute;

/**
 * A {@code permute} with fixed axes as one copy from the permuted view of its input
 * ({@link Replacement#copy}, a oneDNN reorder on float32): layout changes between a network's
 * channels-last working arrays and the states, and an ensemble's member-major products.
 *
 * @param axes the input axis each output axis takes
 */
record Permutation(int[] axes) implements Replacement {

    /** The replacement for {@code op}, or null unless it is a {@code permute} with its axes fixed. */
    static Permutation of(DifferentialFunction op) {
        return op instanceof Permute permute && permute.iArgs().length > 0 ? new Permutation(Arrays.stream(permute.iArgs()).mapToInt(Math::toIntExact).toArray()) : null;
    }

    /** The copy into {@code outputs[0]}; null if the axes do not fit the input or the shapes differ. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (arguments[0].rank() != axes.length) {
            return null;
        }
        INDArray view = arguments[0].permute(axes);
        return view.equalShapes(outputs[0]) ? List.of(Replacement.copy(view, outputs[0])) : null;
    }
}
