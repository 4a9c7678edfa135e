package dev.trainax.sampledata;

import static dev.trainax.sampledata.ConvergenceOrder.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Korteweg–de Vries, Fisher–KPP and conservative Kuramoto–Sivashinsky with ETDRK2 and ETDRK4, in float64 on tiny grids. */
class NonlinearPdeTest {

    private static final int N = 32;

    private static Rollout rollout(Stepper pde) {
        return ConvergenceOrder.rollout(pde, wave(0, 0));
    }

    /** {@code offset + a sin(2πx/L) + 0.3 a cos(4πx/L)} on N points. */
    private static INDArray wave(double amplitude, double offset) {
        double[] u = new double[N];
        for (int j = 0; j < N; j++) {
            u[j] = offset + amplitude * Math.sin(2 * Math.PI * j / N) + 0.3 * amplitude * Math.cos(4 * Math.PI * j / N);
        }
        return Nd4j.createFromArray(u).reshape(1, 1, N);
    }

    private static double order(DoubleFunction<Stepper> pde, INDArray start, double dt, int stepsAtDt) {
        return ConvergenceOrder.observed(pde, start, dt, stepsAtDt);
    }

    private static void assertSecondOrder(double order) {
        ConvergenceOrder.assertOrder(2, order);
    }

    private static SpectralPde1d kdv(double dt) {
        return SpectralPde1d.kortewegDeVries(N, -6.0, 1.0, 0.0, 1e-4, dt, 20.0);
    }

    private static SpectralPde1d fisher(double dt) {
        return SpectralPde1d.fisherKpp(N, 0.01, 1.0, dt, 1.0);
    }

    private static SpectralPde1d ks(double dt) {
        return SpectralPde1d.kuramotoSivashinsky(N, dt, 4 * Math.PI);
    }

    @Test
    void kortewegDeVriesConvergesAtSecondOrder() {
        assertSecondOrder(order(NonlinearPdeTest::kdv, wave(0.5, 0.0), 0.02, 20));
    }

    @Test
    void etdrk4ConvergesAtFourthOrderOnKortewegDeVriesAndKuramotoSivashinsky() {
        ConvergenceOrder.assertOrder(4, order(dt -> kdv(dt).withScheme(EtdScheme.ETDRK4), wave(0.5, 0.0), 0.02, 20));
        // stiff KS shows ETDRK4's order reduction at larger steps (3.5 at Δt = 0.05); Δt = 0.01 is asymptotic
        ConvergenceOrder.assertOrder(4, order(dt -> ks(dt).withScheme(EtdScheme.ETDRK4), wave(1.0, 0.3), 0.01, 20));
    }

    @Test
    void kortewegDeVriesConservesMassAndStaysFinite() {
        INDArray start = wave(0.5, 0.2);
        INDArray end = steps(rollout(kdv(0.01)), start, 300);
        assertEquals(start.meanNumber().doubleValue(), end.meanNumber().doubleValue(), 1e-10);
        double max = end.amaxNumber().doubleValue();
        assertTrue(Double.isFinite(max) && max < 5, "|u| = " + max);
    }

    @Test
    void kortewegDeVriesMovesASmallWaveWithTheDispersionRelation() {
        // linear limit: u_t + ξ u_xxx = 0 turns sin(κx) into sin(κx + ξκ³t)
        double kappa = 2 * Math.PI / 20.0;
        INDArray end = steps(rollout(kdv(0.01)), sine(1e-9, 0), 50);
        INDArray expected = sine(1e-9, kappa * kappa * kappa * 0.5);
        assertEquals(0.0, end.distance2(expected) / 1e-9, 1e-4);
    }

    private static INDArray sine(double amplitude, double phase) {
        double[] u = new double[N];
        for (int j = 0; j < N; j++) {
            u[j] = amplitude * Math.sin(2 * Math.PI * j / N + phase);
        }
        return Nd4j.createFromArray(u).reshape(1, 1, N);
    }

    @Test
    void fisherKppConvergesAtSecondOrder() {
        assertSecondOrder(order(NonlinearPdeTest::fisher, wave(0.3, 0.5), 0.1, 10));
    }

    @Test
    void fisherKppStaysInTheUnitIntervalAndTendsToOne() {
        Rollout rollout = rollout(fisher(0.05));
        INDArray state = DataSourceProviders.unitRange(wave(1.0, 0.0));
        assertEquals(0.0, state.minNumber().doubleValue(), 1e-15);
        assertEquals(1.0, state.maxNumber().doubleValue(), 1e-15);
        for (int i = 0; i < 200; i++) {
            state = rollout.step(state);
            double min = state.minNumber().doubleValue();
            double max = state.maxNumber().doubleValue();
            assertTrue(min > -1e-3 && max < 1 + 1e-3, "step " + i + ": [" + min + ", " + max + "]");
        }
        assertTrue(state.minNumber().doubleValue() > 0.999, "after t = 10: min " + state.minNumber());
    }

    @Test
    void conservativeKuramotoSivashinskyConservesMassAndConverges() {
        INDArray start = wave(1.0, 0.3);
        INDArray end = steps(rollout(ks(0.05)), start, 200);
        assertEquals(start.meanNumber().doubleValue(), end.meanNumber().doubleValue(), 1e-10);
        assertTrue(Double.isFinite(end.amaxNumber().doubleValue()));
        assertSecondOrder(order(NonlinearPdeTest::ks, start, 0.05, 20));
    }

    @Test
    void theDataSourcesRunTheirHorizonWithinBounds() {
        PluginRegistry registry = PluginRegistry.load();
        INDArray kdv = registry.<DataSource>create(PluginKind.DATA, "korteweg-de-vries-1d",
                Map.of("numSamples", 2), "data").trajectories(ConvergenceOrder.ENGINE);
        assertArrayEquals(new long[] {2, 51, 1, 64}, kdv.shape());
        double max = kdv.amaxNumber().doubleValue();
        assertTrue(Double.isFinite(max) && max < 10, "KdV |u| = " + max);
        INDArray fisher = registry.<DataSource>create(PluginKind.DATA, "fisher-kpp-1d",
                Map.of("numSamples", 2, "initialCondition", "grf"), "data").trajectories(ConvergenceOrder.ENGINE);
        assertArrayEquals(new long[] {2, 51, 1, 64}, fisher.shape());
        INDArray first = fisher.get(NDArrayIndex.all(), NDArrayIndex.point(0));
        assertEquals(0.0, first.minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, first.maxNumber().doubleValue(), 1e-6);
        assertTrue(fisher.minNumber().doubleValue() > -1e-3 && fisher.maxNumber().doubleValue() < 1 + 1e-3);
    }

    @Test
    void theSteppersAreRegistered() {
        PluginRegistry registry = PluginRegistry.load();
        Stepper kdv = registry.create(PluginKind.REFERENCE_STEPPER, "korteweg-de-vries-etdrk2", Map.of(), "ref");
        kdv.checkState(new long[] {1, 64});
        Stepper kdv4 = registry.create(PluginKind.REFERENCE_STEPPER, "korteweg-de-vries-etdrk4", Map.of(), "ref");
        kdv4.checkState(new long[] {1, 64});
        Stepper ks4 = registry.create(PluginKind.REFERENCE_STEPPER, "kuramoto-sivashinsky-etdrk4",
                Map.of("numPoints", N, "length", 4 * Math.PI, "dt", 0.05), "ref");
        INDArray start = wave(1.0, 0.3);
        assertEquals(0.0, rollout(ks4).step(start).distance2(rollout(ks(0.05).withScheme(EtdScheme.ETDRK4))
                .step(start)), 0.0);
        Stepper fisher = registry.create(PluginKind.REFERENCE_STEPPER, "fisher-kpp-etdrk2", Map.of(), "ref");
        fisher.checkState(new long[] {1, 64});
        assertThrows(IllegalArgumentException.class, () -> fisher.checkState(new long[] {1, 63}));
    }

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void badParametersAreNamed() {
        assertTrue(error(() -> SpectralPde1d.kortewegDeVries(N, -6, Double.NaN, 0, 0, 0.01, 20)).contains("dispersivity"));
        assertTrue(error(() -> SpectralPde1d.kortewegDeVries(N, Double.POSITIVE_INFINITY, 1, 0, 0, 0.01, 20))
                .contains("convection"));
        assertTrue(error(() -> SpectralPde1d.kortewegDeVries(N, -6, 1, -1, 0, 0.01, 20)).contains("viscosity"));
        assertTrue(error(() -> SpectralPde1d.kortewegDeVries(N, -6, 1, 0, -1, 0.01, 20)).contains("hyperDiffusivity"));
        assertTrue(error(() -> SpectralPde1d.fisherKpp(N, 0.01, -1, 0.01, 1)).contains("reactivity"));
        assertTrue(error(() -> SpectralPde1d.fisherKpp(N, -0.01, 1, 0.01, 1)).contains("viscosity"));
        assertTrue(error(() -> SpectralPde1d.fisherKpp(7, 0.01, 1, 0.01, 1)).contains("numPoints"));
        assertTrue(error(() -> PluginRegistry.load().create(PluginKind.REFERENCE_STEPPER, "fisher-kpp-etdrk2",
                Map.of("reactivity", -1.0), "ref")).contains("reactivity"));
        assertTrue(error(() -> PluginRegistry.load().create(PluginKind.REFERENCE_STEPPER, "korteweg-de-vries-etdrk2",
                Map.of("hyperDiffusivity", -1.0), "ref")).contains("hyperDiffusivity"));
    }
}
