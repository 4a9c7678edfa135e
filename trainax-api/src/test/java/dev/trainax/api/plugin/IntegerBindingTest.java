package dev.trainax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integer parameters bind spec numbers beyond the int range as range errors naming the spec path, never wrapped. */
class IntegerBindingTest {

    record Steps(@Param(value = "steps", defaultValue = "1", min = 1) int numSteps) {
    }

    private static final RecordParameters<Steps> STEPS = RecordParameters.of(Steps.class, MethodHandles.lookup());

    private static String error(Object value) {
        return assertThrows(IllegalArgumentException.class,
                () -> STEPS.create(Map.of("numSteps", value), "spec.configuration", null)).getMessage();
    }

    @Test
    void theLargestIntBinds() {
        assertEquals(Integer.MAX_VALUE, STEPS.create(Map.of("numSteps", Integer.MAX_VALUE), "spec.c", null).numSteps());
        assertEquals(7, STEPS.create(Map.of("numSteps", 7L), "spec.c", null).numSteps());
        assertEquals(7, STEPS.create(Map.of("numSteps", 7.0), "spec.c", null).numSteps());
        assertEquals(7, STEPS.create(Map.of("numSteps", new BigDecimal("7.00")), "spec.c", null).numSteps());
    }

    @Test
    void numbersBeyondTheIntRangeAreRangeErrorsNamingThePath() {
        String range = "spec.configuration.numSteps: must be integer ≥ 1 and within the 32-bit integer range "
                + "[-2147483648, 2147483647], got ";
        assertEquals(range + "2147483648", error(2147483648L));
        assertEquals(range + "3000000000", error(3_000_000_000L));
        assertEquals(range + "-3000000000", error(-3_000_000_000L));
        // YAML reads integers beyond long as BigInteger: 2^64 + 3 must not wrap to 3
        assertEquals(range + "18446744073709551619", error(new BigInteger("18446744073709551619")));
        assertEquals(range + "1.0E20", error(1e20));
    }

    @Test
    void fractionsAndNonNumbersStayTypeErrors() {
        assertEquals("spec.configuration.numSteps: must be integer ≥ 1, got 2.5", error(2.5));
        assertEquals("spec.configuration.numSteps: must be integer ≥ 1, got NaN", error(Double.NaN));
        assertEquals("spec.configuration.numSteps: must be integer ≥ 1, got 0", error(0));
    }
}
