package dev.trainax.nn;

import java.util.Arrays;

/**
 * The rules by which the built-in networks accept a state shape {@code (channels, *space)}, with
 * the messages of their {@code checkState}: each names the network parameter that does not fit,
 * the value the state allows and the value given.
 */
final class StateRules {

    private StateRules() {
    }

    /** {@code spatialDims} equals the state's number of spatial axes; {@code hint} (may be empty) ends the message. */
    static void spatialAxes(int spatialDims, long[] stateShape, String hint) {
        int axes = stateShape.length - 1;
        if (axes != spatialDims) {
            throw new IllegalArgumentException("spatialDims: must be " + axes + " (the spatial axes of the state shape "
                    + Arrays.toString(stateShape) + " = (channels, *space)), got " + spatialDims
                    + (axes < 1 || axes > 3 ? "; convolutions take states with 1 to 3 spatial axes" : "") + hint);
        }
    }

    /** {@code channels}, the network parameter {@code name}, equals the state's channels. */
    static void channels(String name, int channels, long[] stateShape) {
        if (stateShape[0] != channels) {
            throw new IllegalArgumentException(name + ": must be " + stateShape[0] + " (the channels of the state shape "
                    + Arrays.toString(stateShape) + "), got " + channels);
        }
    }

    /**
     * {@code kernelSize} fits the points along every spatial axis: a "SAME" convolution takes up to
     * {@code kernelSize / 2} padding values from each side of the state itself (wrapped, mirrored
     * or shaped like it), which needs at most {@code points − 1}, so {@code kernelSize ≤ 2·points − 1}.
     */
    static void kernelFits(int kernelSize, long[] stateShape) {
        long fewest = Arrays.stream(stateShape, 1, stateShape.length).min().orElse(1);
        long widest = 2 * fewest - 1;
        if (kernelSize > widest) {
            throw new IllegalArgumentException("kernelSize: must be ≤ " + widest + " (2 × " + fewest + " − 1 for the "
                    + fewest + " points " + (stateShape.length > 2 ? "along the shortest spatial axis " : "")
                    + "of the state shape " + Arrays.toString(stateShape) + ": the padding takes at most "
                    + (fewest - 1) + " values from each side), got " + kernelSize);
        }
    }

    /** {@code features} equals the state's channels × space. */
    static void features(int features, long[] stateShape) {
        long size = 1;
        for (long d : stateShape) {
            size = ParameterCount.times(size, d);
        }
        if (size != features) {
            throw new IllegalArgumentException("features: must be " + size + " (channels × space of the state shape "
                    + Arrays.toString(stateShape) + "), got " + features);
        }
    }
}
