package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** 2D diffusion and advection in float64 against their exact solutions; mean, data sources, bad input. */
class SpectralLinear2dTest {

    private static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
    private static final int N = 16;
    private static final double L = 2.0;

    private static Rollout rollout(SpectralLinear2d pde) {
        return ENGINE.compileRollout(pde, Parameters.of(Map.of()), new long[] {1, N, N}, DataType.DOUBLE);
    }

    /** {@code f(x, y)} on the grid, shape (1, 1, N, N), row index y. */
    private static INDArray field(DoubleBinaryOperator f) {
        double[] values = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                values[i * N + j] = f.applyAsDouble(L * j / N, L * i / N);
            }
        }
        return Nd4j.createFromArray(values).reshape(1, 1, N, N);
    }

    private static double kappa(int mode) {
        return 2 * Math.PI * mode / L;
    }

    @Test
    void diffusionDecaysEveryModeExactly() {
        double nu = 0.02;
        double dt = 0.05;
        INDArray start = field((x, y) -> 0.4 + Math.sin(kappa(2) * x + kappa(3) * y) + 0.5 * Math.cos(kappa(5) * y));
        INDArray end = rollout(SpectralLinear2d.diffusion(N, nu, dt, L)).trajectory(start, 7)
                .get(NDArrayIndex.all(), NDArrayIndex.point(7));
        double t = 7 * dt;
        INDArray exact = field((x, y) -> 0.4
                + Math.exp(-nu * (Math.pow(kappa(2), 2) + Math.pow(kappa(3), 2)) * t) * Math.sin(kappa(2) * x
                        + kappa(3) * y)
                + 0.5 * Math.exp(-nu * Math.pow(kappa(5), 2) * t) * Math.cos(kappa(5) * y));
        assertArrayEquals(exact.data().asDouble(), end.data().asDouble(), 1e-12);
        assertEquals(0.4, end.meanNumber().doubleValue(), 1e-12);
    }

    @Test
    void advectionShiftsABandLimitedFieldExactly() {
        double cx = 0.7;
        double cy = -1.3;
        double dt = 0.037;
        DoubleBinaryOperator initial = (x, y) -> Math.sin(kappa(1) * x + kappa(2) * y)
                + 0.3 * Math.cos(kappa(3) * x) - 0.2 * Math.sin(kappa(4) * y + 1.0);
        Rollout rollout = rollout(SpectralLinear2d.advection(N, cx, cy, dt, L));
        INDArray state = field(initial);
        for (int step = 1; step <= 9; step++) {
            state = rollout.step(state);
            double t = step * dt;
            INDArray exact = field((x, y) -> initial.applyAsDouble(x - cx * t, y - cy * t));
            assertArrayEquals(exact.data().asDouble(), state.data().asDouble(), 1e-11, "step " + step);
        }
    }

    @Test
    void dataSourcesAreDeterministicAndShaped() {
        PluginRegistry registry = PluginRegistry.load();
        for (String id : new String[] {"diffusion-2d", "advection-2d"}) {
            Map<String, Object> arguments = Map.of("numPoints", 8, "numSamples", 3, "temporalHorizon", 4,
                    "highestInitMode", 2);
            INDArray first = registry.<DataSource>create(PluginKind.DATA, id, arguments, "data").trajectories(ENGINE);
            assertArrayEquals(new long[] {3, 4, 1, 8, 8}, first.shape(), id);
            assertEquals(first, registry.<DataSource>create(PluginKind.DATA, id, arguments, "data")
                    .trajectories(ENGINE), id);
            assertEquals(1.0, first.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).amaxNumber().doubleValue(), 1e-6,
                    id);
            assertTrue(Math.abs(first.meanNumber().doubleValue()) < 1e-6, id + ": zero-mean fields stay zero-mean");
        }
    }

    @Test
    void gaussianRandomFieldsFollowThePowerLaw() {
        INDArray rough = InitialConditions.gaussianRandomField2d(32, 20, 0.0, 1);
        INDArray smooth = InitialConditions.gaussianRandomField2d(32, 20, 4.0, 1);
        assertArrayEquals(new long[] {20, 1, 32, 32}, smooth.shape());
        // neighbour differences relative to the amplitude are far larger for the flat spectrum
        assertTrue(roughness(rough) > 5 * roughness(smooth), roughness(rough) + " vs " + roughness(smooth));
    }

    private static double roughness(INDArray fields) {
        INDArray shifted = Nd4j.concat(3,
                fields.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 32)),
                fields.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 1)));
        return shifted.distance2(fields) / fields.norm2Number().doubleValue();
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralLinear2d.diffusion(15, 0.1, 0.1, 1))
                .getMessage().contains("numPoints"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralLinear2d.diffusion(16, -1, 0.1, 1))
                .getMessage().contains("viscosity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SpectralLinear2d.advection(16, Double.NaN, 0, 0.1, 1)).getMessage().contains("velocityX"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> InitialConditions.truncatedFourier2d(16, 2, 8, 0)).getMessage().contains("highestMode"));
    }
}
