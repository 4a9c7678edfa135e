package dev.trainax.engine.direct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.bp.ConcatBp;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A concatenation along a fixed axis ({@code concat}) or its backward pass ({@code concat_bp}) as
 * one copy per part ({@link Replacement#copy}, a oneDNN reorder on float32): each input into its
 * part of the result, or each part of the incoming gradient into its input's gradient. A circular
 * halo is such a concatenation of a state and its strips. Where the parts do not add up along the
 * axis, the op runs.
 *
 * @param axis the axis along which the parts lie (negative: counted from the end)
 * @param backward whether this is the backward pass
 */
record Concatenation(long axis, boolean backward) implements Replacement {

    /** The replacement for {@code op}, or null unless it is a {@code concat} or {@code concat_bp} with its axis fixed. */
    static Concatenation of(DifferentialFunction op) {
        boolean backward = op instanceof ConcatBp;
        if (!(op instanceof Concat || backward) || ((DynamicCustomOp) op).iArgs().length != 1) {
            return null;
        }
        return new Concatenation(((DynamicCustomOp) op).iArgs()[0], backward);
    }

    /**
     * The copies: forward, arguments (the parts) into {@code outputs[0]}; backward, from the last
     * argument (the gradient) into the read outputs, one per concatenated argument. Null if the
     * parts do not add up.
     */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        INDArray whole = backward ? arguments[arguments.length - 1] : outputs[0];
        INDArray[] parts = backward ? outputs : arguments;
        boolean[] needed = backward ? outputsRead : new boolean[parts.length];
        if (!backward) {
            Arrays.fill(needed, outputsRead[0]);
        } else if (arguments.length != outputs.length + 1) {
            return null;
        }
        int along = (int) (axis < 0 ? axis + whole.rank() : axis);
        List<DynamicCustomOp> copies = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < parts.length; i++) {
            long size = parts[i].rank() == whole.rank() ? parts[i].size(along) : -1;
            if (size < 0 || start + size > whole.size(along)) {
                return null;
            }
            if (needed[i]) {
                INDArrayIndex[] range = NDArrayIndex.allFor(whole);
                range[along] = NDArrayIndex.interval(start, start + size);
                INDArray view = whole.get(range);
                if (!view.equalShapes(parts[i])) {
                    return null;
                }
                copies.add(backward ? Replacement.copy(view, parts[i]) : Replacement.copy(parts[i], view));
            }
            start += size;
        }
        return start == whole.size(along) ? copies : null;
    }
}
