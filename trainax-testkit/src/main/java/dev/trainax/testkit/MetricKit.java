package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainax.api.RolloutMetric;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a {@link RolloutMetric}: extend it in a JUnit 5 test, return the metric
 * from {@link #metric()} and declare its properties with the flags.
 *
 * <p>Checks, in float64 on states {@code (3, 2, 8)} and {@code (2, 2, 4, 6)}: a usable column
 * name; one finite value per sample, each sample's value its own (the same as for that sample
 * alone); {@link RolloutMetric#mean} the mean of {@link RolloutMetric#perSample} (APEBench's
 * {@code mean_*} convention); determinism and untouched inputs; zero for identical states and
 * non-negativity for errors; symmetry and invariance under a common scaling where the flags declare
 * them; and an {@link IllegalArgumentException} for states of different shapes or without a
 * channel axis.
 */
public abstract class MetricKit {

    private static final double TOLERANCE = 1e-12;

    /** The metric under test. */
    protected abstract RolloutMetric metric();

    /** Whether the metric is an error: zero for identical states, never negative; true by default. */
    protected boolean isError() {
        return true;
    }

    /** Whether {@code m(p, r) = m(r, p)}; false by default. */
    protected boolean symmetric() {
        return false;
    }

    /** Whether {@code m(a·p, a·r) = m(p, r)} for a > 0 (normalised metrics, correlation); false by default. */
    protected boolean scaleInvariant() {
        return false;
    }

    /** Whether {@code m(a·p, a·r) = a·m(p, r)} for a > 0 (MAE, RMSE); false by default. */
    protected boolean homogeneous() {
        return false;
    }

    /** The states the kit compares: 1D and 2D fields with two channels. */
    private static long[][] shapes() {
        return new long[][] {{3, 2, 8}, {2, 2, 4, 6}};
    }

    private static INDArray states(long seed, long[] shape) {
        return RandomArrays.gaussian(seed, DataType.DOUBLE, shape);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void theNameIsAUsableColumnHeading() {
        String name = metric().name();
        assertTrue(name != null && !name.isBlank(), "name: " + name);
        assertTrue(name.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r'), name);
        assertEquals(name.strip(), name);
    }

    @Test
    void oneFiniteValuePerSampleEachSampleItsOwn() {
        for (long[] shape : shapes()) {
            INDArray p = states(1, shape);
            INDArray r = states(2, shape);
            double[] all = metric().perSample(p, r);
            assertEquals(shape[0], all.length, "one value per sample of " + Arrays.toString(shape));
            for (int s = 0; s < all.length; s++) {
                assertTrue(Double.isFinite(all[s]), "sample " + s + ": " + all[s]);
                INDArray ps = p.get(NDArrayIndex.interval(s, s + 1)).dup();
                INDArray rs = r.get(NDArrayIndex.interval(s, s + 1)).dup();
                double[] alone = metric().perSample(ps, rs);
                assertEquals(1, alone.length);
                assertClose(alone[0], all[s], "sample " + s + " in the batch and alone");
            }
        }
    }

    @Test
    void meanIsTheMeanOverSamples() {
        for (long[] shape : shapes()) {
            INDArray p = states(3, shape);
            INDArray r = states(4, shape);
            double[] values = metric().perSample(p, r);
            assertClose(Arrays.stream(values).average().orElseThrow(), metric().mean(p, r), "mean over samples");
        }
    }

    @Test
    void deterministicAndLeavesItsInputsAlone() {
        long[] shape = shapes()[0];
        INDArray p = states(5, shape);
        INDArray r = states(6, shape);
        INDArray pCopy = p.dup();
        INDArray rCopy = r.dup();
        double[] first = metric().perSample(p, r);
        assertArrayEquals(first, metric().perSample(p, r), 0.0);
        assertEquals(pCopy, p, "predicted states unchanged");
        assertEquals(rCopy, r, "reference states unchanged");
    }

    @Test
    void zeroForIdenticalStatesAndNeverNegative() {
        assumeTrue(isError(), "not an error metric");
        for (long[] shape : shapes()) {
            INDArray r = states(7, shape);
            for (double value : metric().perSample(r.dup(), r)) {
                assertEquals(0.0, value, TOLERANCE, "identical states");
            }
            for (double value : metric().perSample(states(8, shape), r)) {
                assertTrue(value >= 0, "error " + value);
            }
        }
    }

    @Test
    void symmetricWhereDeclared() {
        assumeTrue(symmetric(), "not symmetric");
        INDArray p = states(9, shapes()[1]);
        INDArray r = states(10, shapes()[1]);
        assertArrayEquals(metric().perSample(p, r), metric().perSample(r, p), TOLERANCE);
    }

    @Test
    void invariantUnderACommonScalingWhereDeclared() {
        assumeTrue(scaleInvariant(), "not scale invariant");
        INDArray p = states(11, shapes()[0]);
        INDArray r = states(12, shapes()[0]);
        double[] plain = metric().perSample(p, r);
        double[] scaled = metric().perSample(p.mul(3.0), r.mul(3.0));
        for (int s = 0; s < plain.length; s++) {
            assertClose(plain[s], scaled[s], "m(3p, 3r) = m(p, r), sample " + s);
        }
    }

    @Test
    void homogeneousWhereDeclared() {
        assumeTrue(homogeneous(), "not homogeneous");
        INDArray p = states(13, shapes()[0]);
        INDArray r = states(14, shapes()[0]);
        double[] plain = metric().perSample(p, r);
        double[] scaled = metric().perSample(p.mul(3.0), r.mul(3.0));
        for (int s = 0; s < plain.length; s++) {
            assertClose(3 * plain[s], scaled[s], "m(3p, 3r) = 3 m(p, r), sample " + s);
        }
    }

    @Test
    void statesOfDifferentShapesAreRejected() {
        INDArray p = states(15, new long[] {3, 2, 8});
        INDArray r = states(16, new long[] {3, 2, 7});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> metric().perSample(p, r));
        assertTrue(error.getMessage() != null && error.getMessage().contains("[3, 2, 8]")
                && error.getMessage().contains("[3, 2, 7]"), "the message names both shapes: " + error.getMessage());
        INDArray fewer = states(17, new long[] {2, 2, 8});
        assertThrows(IllegalArgumentException.class, () -> metric().perSample(fewer, states(18, new long[] {3, 2, 8})));
    }

    @Test
    void statesWithoutAChannelAxisAreRejected() {
        INDArray p = states(19, new long[] {8});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> metric().perSample(p, p.dup()));
        assertFalse(error.getMessage() == null || error.getMessage().isBlank());
    }
}
