package dev.trainax.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** How a convolution extends a state {@code (batch, channels, *space)} beyond its ends, one spatial axis at a time. */
public enum Padding {
    /** Wrap around (periodic domains). */
    CIRCULAR,
    /** Zeros. */
    ZERO,
    /** Mirror without repeating the edge value, as PyTorch's "reflect". */
    REFLECT;

    /** Pads {@code left} points before and {@code right} points after {@code axis} (2 or later). */
    SDVariable pad(SameDiff graph, SDVariable x, int axis, int left, int right) {
        if (left == 0 && right == 0) {
            return x;
        }
        List<SDVariable> parts = new ArrayList<>();
        if (left > 0) {
            parts.add(switch (this) {
                case CIRCULAR -> points(x, axis, -left, null);
                case ZERO -> points(x, axis, 0, (long) left).mul(0.0);
                case REFLECT -> reversed(graph, x, axis, 1, left);
            });
        }
        parts.add(x);
        if (right > 0) {
            parts.add(switch (this) {
                case CIRCULAR -> points(x, axis, 0, (long) right);
                case ZERO -> points(x, axis, 0, (long) right).mul(0.0);
                case REFLECT -> reversedFromEnd(graph, x, axis, right);
            });
        }
        return graph.concat(axis, parts.toArray(new SDVariable[0]));
    }

    /** {@code x[from:to]} along {@code axis}, everything along the other axes. */
    private static SDVariable points(SDVariable x, int axis, long from, Long to) {
        SDIndex[] indices = new SDIndex[axis + 1];
        java.util.Arrays.fill(indices, SDIndex.all());
        indices[axis] = SDIndex.interval(from, to);
        return x.get(indices);
    }

    /** x[count], …, x[first] (the mirror image of the start, edge excluded). */
    private static SDVariable reversed(SameDiff graph, SDVariable x, int axis, int first, int count) {
        SDVariable[] parts = new SDVariable[count];
        for (int i = 0; i < count; i++) {
            long index = first + count - 1 - i;
            parts[i] = points(x, axis, index, index + 1);
        }
        return count == 1 ? parts[0] : graph.concat(axis, parts);
    }

    /** x[N−2], …, x[N−1−count] (the mirror image of the end, edge excluded). */
    private static SDVariable reversedFromEnd(SameDiff graph, SDVariable x, int axis, int count) {
        SDVariable[] parts = new SDVariable[count];
        for (int i = 0; i < count; i++) {
            long index = -2 - i;
            parts[i] = points(x, axis, index, index + 1);
        }
        return count == 1 ? parts[0] : graph.concat(axis, parts);
    }
}
