package dev.trainax.nn;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The grid point that padded position {@code index} (negative before the grid, {@code size}
     * or more after it) holds, for an axis of {@code size} points; −1 for a zero.
     */
    int source(int index, int size) {
        return switch (this) {
            case CIRCULAR -> Math.floorMod(index, size);
            case ZERO -> index >= 0 && index < size ? index : -1;
            case REFLECT -> index < 0 ? -index : index >= size ? 2 * (size - 1) - index : index;
        };
    }

    /** Pads {@code left} points before and {@code right} points after {@code axis} (2 or later). */
    SDVariable pad(SameDiff graph, SDVariable x, int axis, int left, int right) {
        if (left == 0 && right == 0) {
            return x;
        }
        List<SDVariable> parts = new ArrayList<>();
        if (left > 0) {
            parts.add(before(graph, x, axis, left));
        }
        parts.add(x);
        if (right > 0) {
            parts.add(after(graph, x, axis, right));
        }
        return graph.concat(axis, parts.toArray(new SDVariable[0]));
    }

    /**
     * {@code x[n + offset]} along {@code axis} for every {@code n}, with this padding's values
     * where {@code n + offset} leaves the grid: the window of the padded axis that starts at
     * {@code offset}, built without the padded copy.
     */
    SDVariable shifted(SameDiff graph, SDVariable x, int axis, int offset) {
        if (offset == 0) {
            return x;
        }
        return offset > 0 ? graph.concat(axis, points(x, axis, offset, null), after(graph, x, axis, offset))
                : graph.concat(axis, before(graph, x, axis, -offset), points(x, axis, 0, (long) offset));
    }

    /**
     * The {@code kernelSize} windows a "SAME" convolution reads along axis 2, stacked along axis 0
     * (channels-first layouts {@code (channels, batch, points)}): window {@code j} is {@code x}
     * shifted by {@code j − (kernelSize − 1)/2}.
     */
    SDVariable sameWindows(SameDiff graph, SDVariable x, int kernelSize) {
        int before = (kernelSize - 1) / 2;
        SDVariable[] windows = new SDVariable[kernelSize];
        for (int j = 0; j < kernelSize; j++) {
            windows[j] = shifted(graph, x, 2, j - before);
        }
        return kernelSize == 1 ? windows[0] : graph.concat(0, windows);
    }

    /**
     * {@code x}, of {@code size} points along {@code axis}, extended periodically by {@code left}
     * points before and {@code right} after, any number of periods: a window of enough copies.
     */
    static SDVariable wrap(SameDiff graph, SDVariable x, int axis, long size, int left, int right) {
        if (left == 0 && right == 0) {
            return x;
        }
        long copiesBefore = (left + size - 1) / size;
        long copiesAfter = (right + size - 1) / size;
        SDVariable[] copies = new SDVariable[(int) (copiesBefore + 1 + copiesAfter)];
        Arrays.fill(copies, x);
        SDVariable tiled = copies.length == 1 ? x : graph.concat(axis, copies);
        long start = copiesBefore * size - left;
        return points(tiled, axis, start, start + size + left + right);
    }

    /** {@code x} without {@code left} points before and {@code right} points after {@code axis}. */
    static SDVariable crop(SDVariable x, int axis, int left, int right) {
        return left == 0 && right == 0 ? x : points(x, axis, left, right == 0 ? null : (long) -right);
    }

    /** The {@code count} values this padding puts before the first point. */
    private SDVariable before(SameDiff graph, SDVariable x, int axis, int count) {
        return switch (this) {
            case CIRCULAR -> points(x, axis, -count, null);
            case ZERO -> points(x, axis, 0, (long) count).mul(0.0);
            case REFLECT -> reversed(graph, x, axis, 1, count);
        };
    }

    /** The {@code count} values this padding puts after the last point. */
    private SDVariable after(SameDiff graph, SDVariable x, int axis, int count) {
        return switch (this) {
            case CIRCULAR -> points(x, axis, 0, (long) count);
            case ZERO -> points(x, axis, 0, (long) count).mul(0.0);
            case REFLECT -> reversedFromEnd(graph, x, axis, count);
        };
    }

    /** {@code x[from:to]} along {@code axis}, everything along the other axes. */
    private static SDVariable points(SDVariable x, int axis, long from, Long to) {
        SDIndex[] indices = new SDIndex[axis + 1];
        Arrays.fill(indices, SDIndex.all());
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
