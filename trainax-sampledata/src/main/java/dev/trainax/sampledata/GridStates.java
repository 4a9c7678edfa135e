package dev.trainax.sampledata;

import java.util.Arrays;
import java.util.Collections;

/**
 * The state-shape rule of the steppers and residua that live on a grid of {@code numPoints}
 * points along each of their spatial axes, with the messages of their {@code checkState}: a state
 * {@code (channels, *space)} must have as many spatial axes as the grid, each of
 * {@code numPoints} points (any number of channels, each stepped alike).
 */
final class GridStates {

    private GridStates() {
    }

    /** Refuses {@code stateShape} unless it is {@code (channels, numPoints, …)} with {@code spatialDims} spatial axes. */
    static void check(int spatialDims, int numPoints, long[] stateShape) {
        int axes = stateShape.length - 1;
        String grid = "(channels, " + String.join(", ", Collections.nCopies(spatialDims, Integer.toString(numPoints)))
                + ")";
        if (axes != spatialDims) {
            throw new IllegalArgumentException("stateShape: must be " + grid + ", a grid of " + spatialDims
                    + " spatial " + (spatialDims == 1 ? "axis" : "axes") + " of numPoints = " + numPoints + ", got "
                    + Arrays.toString(stateShape) + " with " + axes + " spatial " + (axes == 1 ? "axis" : "axes"));
        }
        long first = stateShape[1];
        if (Arrays.stream(stateShape, 1, stateShape.length).anyMatch(d -> d != first)) {
            throw new IllegalArgumentException("stateShape: must be " + grid + ", the same numPoints along every "
                    + "spatial axis, got " + Arrays.toString(stateShape));
        }
        if (first != numPoints) {
            throw new IllegalArgumentException("numPoints: must be " + first + " (the points along each spatial axis "
                    + "of the state shape " + Arrays.toString(stateShape) + "), got " + numPoints);
        }
    }
}
