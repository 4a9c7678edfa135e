package dev.trainax.sampledata;

import static dev.trainax.sampledata.ConvergenceOrder.ENGINE;
import static dev.trainax.sampledata.ConvergenceOrder.assertOrder;
import static dev.trainax.sampledata.ConvergenceOrder.observed;
import static dev.trainax.sampledata.ConvergenceOrder.rollout;
import static dev.trainax.sampledata.ConvergenceOrder.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Gray–Scott on 16 × 16 grids in float64, with exponax's coefficients. */
class GrayScottTest {

    private static final int N = 16;
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static SpectralPde2d grayScott(double dt, EtdScheme scheme) {
        return SpectralPde2d.grayScott(N, 1.0, dt, 1, 2e-5, 1e-5, 0.04, 0.06, scheme);
    }

    /** Both species uniform: {@code u} and {@code v}, shape (1, 2, N, N). */
    private static INDArray uniform(double u, double v) {
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 2, N, N);
        state.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(u);
        state.get(NDArrayIndex.all(), NDArrayIndex.point(1)).assign(v);
        return state;
    }

    /** Smooth patterns around {@code u = 0.7}, {@code v = 0.2}. */
    private static INDArray patterns() {
        INDArray state = uniform(0.7, 0.2);
        INDArray w = SpectralPde2dTest.vortices(0.05, 0.0);
        state.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).addi(w);
        state.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2)).subi(w.mul(0.5));
        return state;
    }

    @Test
    void convergesAtTheSchemesOrder() {
        assertOrder(2, observed(dt -> grayScott(dt, EtdScheme.ETDRK2), patterns(), 2.0, 5));
        assertOrder(4, observed(dt -> grayScott(dt, EtdScheme.ETDRK4), patterns(), 2.0, 5));
    }

    @Test
    void theTrivialStateIsAFixedPoint() {
        INDArray rest = uniform(1.0, 0.0);
        assertEquals(0.0, steps(rollout(grayScott(10.0, EtdScheme.ETDRK2), rest), rest, 20).distance2(rest), 1e-13);
    }

    @Test
    void uniformStatesFollowTheReactionOde() {
        // u' = f(1 − u) − uv², v' = −(f + k)v + uv², integrated by RK4 with a fine step
        double[] uv = ConvergenceOrder.rk4(y -> new double[] {0.04 * (1 - y[0]) - y[0] * y[1] * y[1],
            -0.1 * y[1] + y[0] * y[1] * y[1]}, new double[] {0.5, 0.25}, 1e-3, 20_000);
        INDArray start = uniform(0.5, 0.25);
        INDArray end = steps(rollout(grayScott(0.5, EtdScheme.ETDRK4), start), start, 40);
        assertEquals(uv[0], end.getDouble(0, 0, 3, 5), 1e-7);
        assertEquals(uv[1], end.getDouble(0, 1, 7, 2), 1e-7);
    }

    @Test
    void theSourceStartsFromBlobsAndStaysInTheUnitIntervalOverItsHorizon() {
        INDArray data = REGISTRY.<DataSource>create(PluginKind.DATA, "gray-scott-2d",
                Map.of("numSamples", 2, "substeps", 5), "data").trajectories(ENGINE);
        assertArrayEquals(new long[] {2, 51, 2, 32, 32}, data.shape());
        INDArray first = data.get(NDArrayIndex.all(), NDArrayIndex.point(0));
        assertEquals(1.0, first.get(NDArrayIndex.all(), NDArrayIndex.point(0)).maxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, first.get(NDArrayIndex.all(), NDArrayIndex.point(1)).minNumber().doubleValue(), 1e-6);
        // the blobs span a few cells at N = 32: the dealiased reaction over- and undershoots by some percent
        assertTrue(data.minNumber().doubleValue() > -0.1 && data.maxNumber().doubleValue() < 1.1,
                "range [" + data.minNumber() + ", " + data.maxNumber() + "]");
    }

    @Test
    void theSourceIsDeterministicBySeed() {
        Map<String, Object> options = Map.of("numSamples", 2, "numPoints", N, "substeps", 1, "temporalHorizon", 4);
        INDArray data = REGISTRY.<DataSource>create(PluginKind.DATA, "gray-scott-2d", options, "data")
                .trajectories(ENGINE);
        assertEquals(data, REGISTRY.<DataSource>create(PluginKind.DATA, "gray-scott-2d", options, "data")
                .trajectories(ENGINE));
        assertNotEquals(data, REGISTRY.<DataSource>create(PluginKind.DATA, "gray-scott-2d",
                Map.of("numSamples", 2, "numPoints", N, "substeps", 1, "temporalHorizon", 4, "seed", 1), "data")
                .trajectories(ENGINE));
    }

    @Test
    void theStepperIsRegisteredAndNeedsTwoChannels() {
        Stepper stepper = REGISTRY.create(PluginKind.REFERENCE_STEPPER, "gray-scott-2d-etdrk",
                Map.of("scheme", "etdrk4"), "ref");
        stepper.checkState(new long[] {2, 32, 32});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> stepper.checkState(new long[] {1, 32, 32}))
                .getMessage().contains("2 channels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralPde2d.grayScott(N, 1, 1, 1, -1, 0,
                0.04, 0.06, EtdScheme.ETDRK2)).getMessage().contains("diffusivityU"));
    }
}
