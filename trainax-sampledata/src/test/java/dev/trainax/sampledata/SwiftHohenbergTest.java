package dev.trainax.sampledata;

import static dev.trainax.sampledata.ConvergenceOrder.ENGINE;
import static dev.trainax.sampledata.ConvergenceOrder.assertOrder;
import static dev.trainax.sampledata.ConvergenceOrder.observed;
import static dev.trainax.sampledata.ConvergenceOrder.rollout;
import static dev.trainax.sampledata.ConvergenceOrder.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Swift–Hohenberg on 16 × 16 grids of side 10π in float64, with exponax's coefficients. */
class SwiftHohenbergTest {

    private static final int N = 16;
    private static final double LENGTH = 10 * Math.PI;
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static SpectralPde2d swiftHohenberg(double dt, EtdScheme scheme) {
        return SpectralPde2d.swiftHohenberg(N, LENGTH, dt, 1, 0.7, 1.0, 1.0, -1.0, scheme);
    }

    /** {@code a·cos(2πm x/L) + offset} on the grid, shape (1, 1, N, N). */
    private static INDArray wave(double amplitude, int mode, double offset) {
        double[] u = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                u[i * N + j] = offset + amplitude * Math.cos(2 * Math.PI * mode * j / N);
            }
        }
        return Nd4j.createFromArray(u).reshape(1, 1, N, N);
    }

    @Test
    void convergesAtTheSchemesOrder() {
        INDArray start = SpectralPde2dTest.vortices(0.3, 0.1);
        assertOrder(2, observed(dt -> swiftHohenberg(dt, EtdScheme.ETDRK2), start, 0.1, 10));
        assertOrder(4, observed(dt -> swiftHohenberg(dt, EtdScheme.ETDRK4), start, 0.1, 10));
    }

    @Test
    void theCriticalModeGrowsAtTheReactivity() {
        // |κ|² = k = 1 at mode 5 of L = 10π: linearly u_t = r u, so a tiny wave grows as e^{rt}
        INDArray start = wave(1e-9, 5, 0.0);
        INDArray end = steps(rollout(swiftHohenberg(0.1, EtdScheme.ETDRK2), start), start, 20);
        assertEquals(0.0, end.distance2(start.mul(Math.exp(0.7 * 2.0))) / end.norm2Number().doubleValue(), 1e-7);
    }

    @Test
    void uniformStatesFollowTheReactionOde() {
        // at κ = 0: u' = (r − k²)u + u² − u³, integrated by RK4 with a fine step
        double u = ConvergenceOrder.rk4(y -> new double[] {-0.3 * y[0] + y[0] * y[0] - y[0] * y[0] * y[0]},
                new double[] {0.4}, 1e-3, 5_000)[0];
        INDArray start = wave(0.0, 0, 0.4);
        INDArray end = steps(rollout(swiftHohenberg(0.1, EtdScheme.ETDRK4), start), start, 50);
        assertEquals(u, end.getDouble(0, 0, 4, 9), 1e-9);
    }

    @Test
    void theSourceIsDeterministicAndBoundedOverItsHorizon() {
        INDArray data = REGISTRY.<DataSource>create(PluginKind.DATA, "swift-hohenberg-2d",
                Map.of("numSamples", 2, "initialCondition", "grf"), "data").trajectories(ENGINE);
        assertArrayEquals(new long[] {2, 51, 1, 32, 32}, data.shape());
        double max = data.amaxNumber().doubleValue();
        assertTrue(Double.isFinite(max) && max < 3, "|u| = " + max);
        Map<String, Object> small = Map.of("numSamples", 2, "numPoints", N, "temporalHorizon", 4, "substeps", 1);
        INDArray first = REGISTRY.<DataSource>create(PluginKind.DATA, "swift-hohenberg-2d", small, "data")
                .trajectories(ENGINE);
        assertEquals(first, REGISTRY.<DataSource>create(PluginKind.DATA, "swift-hohenberg-2d", small, "data")
                .trajectories(ENGINE));
        assertNotEquals(first, REGISTRY.<DataSource>create(PluginKind.DATA, "swift-hohenberg-2d",
                Map.of("numSamples", 2, "numPoints", N, "temporalHorizon", 4, "substeps", 1, "seed", 2), "data")
                .trajectories(ENGINE));
        REGISTRY.create(PluginKind.REFERENCE_STEPPER, "swift-hohenberg-2d-etdrk", Map.of("scheme", "etdrk4"), "ref");
    }
}
