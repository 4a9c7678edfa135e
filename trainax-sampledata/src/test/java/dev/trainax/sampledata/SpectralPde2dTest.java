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
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Navier–Stokes and Kolmogorov flow on 16 × 16 grids in float64. */
class SpectralPde2dTest {

    private static final int N = 16;
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** {@code offset + a·(sin x cos 2y + 0.7 cos(x + y) + 0.4 sin(3x − y))} on [0, 2π)², shape (1, 1, N, N). */
    static INDArray vortices(double amplitude, double offset) {
        double[] w = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double x = 2 * Math.PI * j / N;
                double y = 2 * Math.PI * i / N;
                w[i * N + j] = offset + amplitude * (Math.sin(x) * Math.cos(2 * y) + 0.7 * Math.cos(x + y)
                        + 0.4 * Math.sin(3 * x - y));
            }
        }
        return Nd4j.createFromArray(w).reshape(1, 1, N, N);
    }

    private static SpectralPde2d decaying(double dt, EtdScheme scheme) {
        return SpectralPde2d.navierStokes(N, 1.0, dt, 1, 1e-3, 0.0, 1.0, scheme);
    }

    private static SpectralPde2d kolmogorov(double dt, EtdScheme scheme) {
        return SpectralPde2d.kolmogorov(N, 2 * Math.PI, dt, 1, 0.01, -0.1, 1.0, 4, 1.0, scheme);
    }

    @Test
    void navierStokesConvergesAtTheSchemesOrder() {
        INDArray start = vortices(5.0, 0.0);
        assertOrder(2, observed(dt -> decaying(dt, EtdScheme.ETDRK2), start, 0.02, 10));
        assertOrder(4, observed(dt -> decaying(dt, EtdScheme.ETDRK4), start, 0.02, 10));
    }

    @Test
    void kolmogorovFlowConvergesAtTheSchemesOrder() {
        INDArray start = vortices(2.0, 0.0);
        assertOrder(2, observed(dt -> kolmogorov(dt, EtdScheme.ETDRK2), start, 0.1, 10));
        assertOrder(4, observed(dt -> kolmogorov(dt, EtdScheme.ETDRK4), start, 0.1, 10));
    }

    /** {@code Σ_{k≠0} |ω̂_k|²/|k|²} and {@code Σ |ω̂_k|²} (integer wavenumbers), by a direct DFT. */
    private static double[] energyAndEnstrophy(INDArray vorticity) {
        double[] w = vorticity.reshape(N * N).toDoubleVector();
        double energy = 0;
        double enstrophy = 0;
        for (int ky = -N / 2; ky < N / 2; ky++) {
            for (int kx = -N / 2; kx < N / 2; kx++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < N; j++) {
                        double angle = 2 * Math.PI * (kx * j + ky * i) / N;
                        re += w[i * N + j] * Math.cos(angle);
                        im -= w[i * N + j] * Math.sin(angle);
                    }
                }
                double power = re * re + im * im;
                enstrophy += power;
                energy += kx == 0 && ky == 0 ? 0 : power / (kx * kx + ky * ky);
            }
        }
        return new double[] {energy, enstrophy};
    }

    @Test
    void decayingTurbulenceKeepsItsMeanAndLosesEnergyAndEnstrophy() {
        Rollout rollout = rollout(decaying(0.02, EtdScheme.ETDRK2), vortices(5.0, 0.3));
        INDArray state = vortices(5.0, 0.3);
        double[] before = energyAndEnstrophy(state);
        for (int block = 0; block < 5; block++) {
            state = steps(rollout, state, 10);
            double[] after = energyAndEnstrophy(state);
            assertTrue(after[0] < before[0] && after[1] < before[1], "block " + block + ": energy " + before[0]
                    + " -> " + after[0] + ", enstrophy " + before[1] + " -> " + after[1]);
            before = after;
        }
        assertEquals(0.3, state.meanNumber().doubleValue(), 1e-12);
        // ν|k|² decay alone bounds the loss from below: the flow did not blow up or vanish
        assertTrue(before[0] > 0.5 * energyAndEnstrophy(vortices(5.0, 0.3))[0], "energy " + before[0]);
    }

    @Test
    void zeroMeanVorticityStaysZeroMean() {
        INDArray end = steps(rollout(kolmogorov(0.05, EtdScheme.ETDRK2), vortices(3.0, 0.0)), vortices(3.0, 0.0), 40);
        assertEquals(0.0, end.meanNumber().doubleValue(), 1e-12);
    }

    @Test
    void kolmogorovForcingFromRestGrowsTheLaminarProfileExactly() {
        // from ω = 0 the flow depends on x only, the convection vanishes, and ω = −nγ cos(κx)(1 − e^{−at})/a
        double kappa = 4;
        double a = 0.01 * kappa * kappa + 0.1;
        double t = 2.0;
        double[] expected = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                expected[i * N + j] = -kappa * Math.cos(kappa * 2 * Math.PI * j / N) * -Math.expm1(-a * t) / a;
            }
        }
        for (EtdScheme scheme : EtdScheme.values()) {
            INDArray rest = Nd4j.zeros(DataType.DOUBLE, 1, 1, N, N);
            INDArray end = steps(rollout(kolmogorov(0.25, scheme), rest), rest, 8);
            assertArrayEquals(expected, end.reshape(N * N).toDoubleVector(), 1e-12, scheme.name());
        }
    }

    private static INDArray data(String id, Map<String, Object> options) {
        return REGISTRY.<DataSource>create(PluginKind.DATA, id, options, "data").trajectories(ENGINE);
    }

    @Test
    void theFlowSourcesAreDeterministicBySeed() {
        for (String id : new String[] {"navier-stokes-2d", "kolmogorov-2d"}) {
            Map<String, Object> options = new HashMap<>(Map.of("numSamples", 2, "numPoints", N, "substeps", 2,
                    "temporalHorizon", 6, "seed", 3));
            if (id.equals("kolmogorov-2d")) {
                options.put("numWarmupSteps", 2);
            }
            INDArray data = data(id, options);
            assertArrayEquals(new long[] {2, 6, 1, N, N}, data.shape(), id);
            assertEquals(data, data(id, options), id + ": same seed");
            options.put("seed", 4);
            assertNotEquals(data, data(id, options), id + ": another seed");
        }
    }

    @Test
    void theFlowSourcesStayFiniteOverTheirHorizon() {
        INDArray decaying = data("navier-stokes-2d", Map.of("numSamples", 2));
        assertArrayEquals(new long[] {2, 51, 1, 32, 32}, decaying.shape());
        // vorticity obeys a maximum principle: |ω| stays below its initial max-abs normalisation
        assertTrue(decaying.amaxNumber().doubleValue() <= 1.0 + 1e-6, "decaying |ω| = " + decaying.amaxNumber());
        // 500 warm-up steps and 50 more; 5 substeps instead of 20 keep the test short at the same horizon
        INDArray forced = data("kolmogorov-2d", Map.of("numSamples", 1, "numPoints", N, "substeps", 5));
        assertArrayEquals(new long[] {1, 51, 1, N, N}, forced.shape());
        double max = forced.amaxNumber().doubleValue();
        // the laminar profile's amplitude nγ/(νn² + 0.1) = 15.4 bounds the flow's scale
        assertTrue(Double.isFinite(max) && max < 2 * 15.4, "Kolmogorov |ω| = " + max);
        assertTrue(forced.stdNumber().doubleValue() > 0.1, "the forced flow is alive: std " + forced.stdNumber());
    }

    @Test
    void theFlowSteppersAreRegisteredWithTheirSchemes() {
        Stepper ns = REGISTRY.create(PluginKind.REFERENCE_STEPPER, "navier-stokes-2d-etdrk", Map.of(), "ref");
        ns.checkState(new long[] {1, 32, 32});
        assertThrows(IllegalArgumentException.class, () -> ns.checkState(new long[] {1, 32}));
        Stepper kolmogorov = REGISTRY.create(PluginKind.REFERENCE_STEPPER, "kolmogorov-2d-etdrk",
                Map.of("scheme", "etdrk4", "numPoints", N, "substeps", 2), "ref");
        INDArray start = vortices(1.0, 0.0);
        INDArray viaPlugin = rollout(kolmogorov, start).step(start);
        INDArray direct = rollout(SpectralPde2d.kolmogorov(N, 2 * Math.PI, 0.1, 2, 0.01, -0.1, 1.0, 4, 1.0,
                EtdScheme.ETDRK4), start).step(start);
        assertEquals(0.0, viaPlugin.distance2(direct), 0.0);
    }

    @Test
    void badParametersAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralPde2d.kolmogorov(N, 1, 0.1, 1, 0.01,
                0, 1, 8, 1, EtdScheme.ETDRK2)).getMessage().contains("injectionMode"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralPde2d.navierStokes(N, 1, 0.1, 0, 0.01,
                0, 1, EtdScheme.ETDRK2)).getMessage().contains("substeps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralPde2d.navierStokes(N, 1, 0.1, 1, -1,
                0, 1, EtdScheme.ETDRK2)).getMessage().contains("viscosity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> REGISTRY.create(PluginKind.REFERENCE_STEPPER,
                "navier-stokes-2d-etdrk", Map.of("scheme", "rk4"), "ref")).getMessage().contains("scheme"));
    }
}
