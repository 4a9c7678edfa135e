package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** ETDRK2 in float64: exact linear decay, conserved mean, second-order convergence; diffusion and KS too. */
class SpectralPdeTest {

    private static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
    private static final int N = 64;

    private static Rollout rollout(double viscosity, double dt) {
        return rollout(SpectralPde1d.burgers(N, viscosity, dt, 1.0));
    }

    private static Rollout rollout(SpectralPde1d pde) {
        return ENGINE.compileRollout(pde, Parameters.of(Map.of()), new long[] {1, N}, DataType.DOUBLE);
    }

    private static INDArray wave(double amplitude, int mode, double offset) {
        double[] u = new double[N];
        for (int j = 0; j < N; j++) {
            u[j] = offset + amplitude * Math.sin(2 * Math.PI * mode * j / N) + 0.3 * amplitude
                    * Math.cos(2 * Math.PI * 2 * mode * j / N);
        }
        return Nd4j.createFromArray(u).reshape(1, 1, N);
    }

    private static INDArray steps(Rollout rollout, INDArray state, int count) {
        for (int i = 0; i < count; i++) {
            state = rollout.step(state);
        }
        return state;
    }

    @Test
    void aSmallModeDecaysExactlyLikeTheHeatEquation() {
        double nu = 0.01;
        double dt = 0.01;
        INDArray end = steps(rollout(nu, dt), wave(1e-9, 3, 0), 10);
        double decay = Math.exp(-nu * Math.pow(2 * Math.PI * 3, 2) * 10 * dt);
        double decay2 = Math.exp(-nu * Math.pow(2 * Math.PI * 6, 2) * 10 * dt);
        for (int j = 0; j < N; j++) {
            double expected = 1e-9 * (decay * Math.sin(2 * Math.PI * 3 * j / N)
                    + 0.3 * decay2 * Math.cos(2 * Math.PI * 6 * j / N));
            assertEquals(expected, end.getDouble(0, 0, j), 1e-9 * 1e-6);
        }
    }

    @Test
    void theMeanIsConserved() {
        INDArray start = wave(1.0, 1, 0.3);
        INDArray end = steps(rollout(0.005, 0.01), start, 40);
        assertEquals(start.meanNumber().doubleValue(), end.meanNumber().doubleValue(), 1e-12);
    }

    @Test
    void errorsShrinkAtSecondOrder() {
        INDArray start = wave(1.0, 1, 0);
        double nu = 0.01;
        INDArray fine = steps(rollout(nu, 0.001), start, 200);
        double coarse = steps(rollout(nu, 0.01), start, 20).distance2(fine) / fine.norm2Number().doubleValue();
        double medium = steps(rollout(nu, 0.005), start, 40).distance2(fine) / fine.norm2Number().doubleValue();
        assertTrue(coarse < 1e-2, "relative error at dt = 0.01 vs a run with 10x smaller steps: " + coarse);
        double order = Math.log(coarse / medium) / Math.log(2);
        assertTrue(order > 1.7 && order < 2.6, "observed order " + order + " (errors " + coarse + ", " + medium + ")");
    }

    @Test
    void diffusionIsExactAtAnyAmplitude() {
        double nu = 0.02;
        INDArray end = steps(rollout(SpectralPde1d.diffusion(N, nu, 0.05, 1.0)), wave(2.0, 2, 0.4), 7);
        double decay = Math.exp(-nu * Math.pow(2 * Math.PI * 2, 2) * 7 * 0.05);
        double decay2 = Math.exp(-nu * Math.pow(2 * Math.PI * 4, 2) * 7 * 0.05);
        for (int j = 0; j < N; j++) {
            double expected = 0.4 + 2.0 * (decay * Math.sin(2 * Math.PI * 2 * j / N)
                    + 0.3 * decay2 * Math.cos(2 * Math.PI * 4 * j / N));
            assertEquals(expected, end.getDouble(0, 0, j), 1e-12);
        }
    }

    private static Rollout ks(double dt) {
        return ENGINE.compileRollout(SpectralPde1d.kuramotoSivashinsky(2 * N, dt, 32 * Math.PI),
                Parameters.of(Map.of()), new long[] {1, 2 * N}, DataType.DOUBLE);
    }

    @Test
    void kuramotoSivashinskyStaysBoundedAndConvergesAtSecondOrder() {
        // 128 points resolve L = 32π (64 do not: the energy piles up and the run diverges)
        INDArray start = Nd4j.concat(2, wave(1.0, 1, 0.0), wave(1.0, 1, 0.0));
        INDArray chaotic = steps(ks(0.1), start, 600);
        double max = chaotic.amaxNumber().doubleValue();
        assertTrue(max > 0.5 && max < 6, "KS settles on its attractor, |u| = " + max);
        assertEquals(0.0, chaotic.meanNumber().doubleValue(), 1e-10);
        INDArray fine = steps(ks(0.005), start, 200);
        double coarse = steps(ks(0.05), start, 20).distance2(fine) / fine.norm2Number().doubleValue();
        double medium = steps(ks(0.025), start, 40).distance2(fine) / fine.norm2Number().doubleValue();
        double order = Math.log(coarse / medium) / Math.log(2);
        assertTrue(coarse < 1e-3 && order > 1.7 && order < 2.6, "errors " + coarse + ", " + medium + ", order " + order);
    }

    @Test
    void theDataSourceMatchesThePeerLayout() {
        INDArray data = PluginRegistry.load().<DataSource>create(PluginKind.DATA, "burgers-1d",
                Map.of("numSamples", 2, "temporalHorizon", 5), "data").trajectories(ENGINE);
        assertArrayEquals(new long[] {2, 5, 1, 160}, data.shape());
        assertEquals(1.0, data.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).amaxNumber().doubleValue(), 1e-6);
    }
}
