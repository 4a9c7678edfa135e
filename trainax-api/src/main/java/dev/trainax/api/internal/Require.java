package dev.trainax.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Collection;
import org.apiguardian.api.API;

/**
 * Argument checks that fail early with a message naming the parameter and the allowed values.
 * Every module uses these so that errors read the same everywhere.
 */
@API(status = INTERNAL, since = "0.1")
public final class Require {

    /**
     * The most entries one array may hold: Java arrays, and the ND4J arrays made from them, end
     * just below 2^31 entries.
     */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Require() {
    }

    /** {@code value ≥ min}, else an error naming {@code name}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value ≥ min}, else an error naming {@code name}. */
    public static double atLeast(String name, double value, double min) {
        if (!(value >= min)) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }

    /** A finite number, else an error naming {@code name}. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** A non-null value, else an error naming {@code name}. */
    public static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required but was not given");
        }
        return value;
    }

    /** An array of exactly {@code length} finite entries, else an error naming {@code name}. */
    public static double[] length(String name, double[] values, int length, String why) {
        present(name, values);
        if (values.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " entries (" + why + "), got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            finite(name + "[" + i + "]", values[i]);
        }
        return values.clone();
    }

    /** {@code value} is one of {@code allowed}, else an error listing them. */
    public static <T> T oneOf(String name, T value, Collection<? extends T> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", got " + value);
        }
        return value;
    }

    /**
     * The product of the non-negative {@code sizes} if it is at most {@code max}, else an error
     * naming them; computed without overflow, so callers check before they allocate anything.
     *
     * @param names the sizes' names as the message shows them, e.g. {@code "numSamples × temporalHorizon × numPoints"}
     * @param what  what the product counts, e.g. {@code "values of the trajectories, one array"}
     */
    public static long product(String names, String what, long max, long... sizes) {
        StringBuilder factors = new StringBuilder();
        long product = 1;
        boolean overflow = false;
        for (long size : sizes) {
            factors.append(factors.length() == 0 ? "" : " × ").append(size);
            if (size < 0) {
                throw new IllegalArgumentException(names + " must all be ≥ 0, got " + factors);
            }
            try {
                product = Math.multiplyExact(product, size);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (Arrays.stream(sizes).anyMatch(size -> size == 0)) {
            return 0;
        }
        if (overflow || product > max) {
            throw new IllegalArgumentException(names + " must be ≤ " + max + " (" + what + "), got " + factors
                    + " = " + (overflow ? "more than " + Long.MAX_VALUE : Long.toString(product)));
        }
        return product;
    }

    /** A general condition on {@code name}; {@code rule} says what is allowed. */
    public static void that(boolean condition, String name, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(name + " " + rule);
        }
    }
}
