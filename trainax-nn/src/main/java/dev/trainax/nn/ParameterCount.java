package dev.trainax.nn;

import dev.trainax.api.internal.Require;

/**
 * Parameter counts of the built-in networks, computed from their sizes before anything is
 * allocated (saturating at {@link Long#MAX_VALUE} instead of overflowing), and the cap on them:
 * the parameters must fit one array ({@link Require#MAX_ARRAY_LENGTH}), as optimizers keep them
 * in one flat buffer.
 */
final class ParameterCount {

    private ParameterCount() {
    }

    /** {@code a · b} for sizes ≥ 0, or {@link Long#MAX_VALUE} where it overflows. */
    static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b} for sizes ≥ 0, or {@link Long#MAX_VALUE} where it overflows. */
    static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A dense layer {@code in → out} with bias. */
    static long dense(long in, long out) {
        return plus(times(in, out), out);
    }

    /** A convolution {@code in → out} with a kernel of {@code kernelSize} along each of {@code spatialDims} axes. */
    static long convolution(int spatialDims, long in, long out, long kernelSize, boolean bias) {
        long weight = times(in, out);
        for (int axis = 0; axis < spatialDims; axis++) {
            weight = times(weight, kernelSize);
        }
        return bias ? plus(weight, out) : weight;
    }

    /**
     * {@code count} if it fits one array, else an error naming the parameters that set it.
     *
     * @param names  the network parameters that set the count, e.g. {@code "width, depth"}
     * @param values their values and the others involved, e.g. {@code "features = 8, width = 64, depth = 2"}
     */
    static long require(String names, String values, long count) {
        if (count > Require.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(names + ": must give at most " + Require.MAX_ARRAY_LENGTH
                    + " parameters (the most one array holds), got "
                    + (count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(count)) + " ("
                    + values + ")");
        }
        return count;
    }
}
