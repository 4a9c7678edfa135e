package dev.trainax.engine.direct;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.StridedSlice;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@code strided_slice} with fixed bounds (a rollout's states and targets taken from the batch)
 * as one copy from a view of its input, found once per input array: the op works out its bounds
 * and output shape anew on every call, which cost twice the copy (8 against 4 us for 960 floats).
 * Handles positive strides without ellipsis or new axes; other slices are left to the op.
 */
final class SliceCopy implements Replacement {

    /**
     * The integer arguments: begin, ellipsis, end, new-axis and shrink masks, then begins, ends and
     * strides (only the masks when the bounds are inputs).
     */
    private static final int MASKS = 5;

    private final long[] arguments;

    private SliceCopy(long[] arguments) {
        this.arguments = arguments;
    }

    /** The replacement for {@code op}, or null unless it is a {@code strided_slice} with fixed bounds. */
    static SliceCopy of(DifferentialFunction op) {
        if (!(op instanceof StridedSlice slice)) {
            return null;
        }
        long[] a = slice.iArgs();
        boolean plain = a.length > MASKS && (a.length - MASKS) % 3 == 0 && a[1] == 0 && a[3] == 0;
        return plain ? new SliceCopy(a) : null;
    }

    /** The copy into {@code outputs[0]}; null for a stride below 1 or if the view's shape is not the output's. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        INDArray view = view(arguments[0]);
        if (view == null || !view.equalShapes(outputs[0])) {
            return null;
        }
        return List.of(Replacement.copy(view, outputs[0]));
    }

    /** The slice of {@code input} as a view by TensorFlow's rules; null for a stride below 1 or an empty slice. */
    private INDArray view(INDArray input) {
        int axes = (arguments.length - MASKS) / 3;
        if (axes > input.rank()) {
            return null;
        }
        INDArrayIndex[] indices = new INDArrayIndex[input.rank()];
        for (int axis = 0; axis < input.rank(); axis++) {
            if (axis >= axes) {
                indices[axis] = NDArrayIndex.all();
                continue;
            }
            long size = input.size(axis);
            long stride = arguments[MASKS + 2 * axes + axis];
            if (stride < 1) {
                return null;
            }
            long begin = masked(0, axis) ? 0 : bound(arguments[MASKS + axis], size);
            long end = masked(2, axis) ? size : bound(arguments[MASKS + axes + axis], size);
            boolean point = masked(4, axis);
            if (point && (masked(0, axis) || begin >= size) || !point && end <= begin) {
                return null;   // unusual or empty: the op's own rules
            }
            indices[axis] = point ? NDArrayIndex.point(begin) : NDArrayIndex.interval(begin, stride, end);
        }
        return input.get(indices);
    }

    private boolean masked(int mask, int axis) {
        return (arguments[mask] & (1L << axis)) != 0;
    }

    /** An index counted from the end when negative, clamped to {@code [0, size]}. */
    private static long bound(long index, long size) {
        return Math.max(0, Math.min(size, index < 0 ? index + size : index));
    }
}
