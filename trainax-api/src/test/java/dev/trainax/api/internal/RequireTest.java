package dev.trainax.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequireTest {

    private static String error(long max, long... sizes) {
        return assertThrows(IllegalArgumentException.class,
                () -> Require.product("a × b × c", "values, one array", max, sizes)).getMessage();
    }

    @Test
    void productsWithinTheCapAreReturned() {
        assertEquals(24, Require.product("a × b × c", "values", Require.MAX_ARRAY_LENGTH, 2, 3, 4));
        assertEquals(0, Require.product("a × b × c", "values", 10, Long.MAX_VALUE, Long.MAX_VALUE, 0));
        assertEquals(Integer.MAX_VALUE - 8, Require.MAX_ARRAY_LENGTH);
    }

    @Test
    void productsBeyondTheCapOrLongAreErrorsNamingTheSizes() {
        assertEquals("a × b × c must be ≤ 2147483639 (values, one array), got 100000 × 100000 × 100000 = "
                + "1000000000000000", error(Require.MAX_ARRAY_LENGTH, 100_000, 100_000, 100_000));
        assertEquals("a × b × c must be ≤ 2147483639 (values, one array), got 2147483647 × 2147483647 × 2147483647 = "
                + "more than 9223372036854775807", error(Require.MAX_ARRAY_LENGTH, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals("a × b × c must all be ≥ 0, got 2 × -1", error(10, 2, -1, 3));
    }
}
