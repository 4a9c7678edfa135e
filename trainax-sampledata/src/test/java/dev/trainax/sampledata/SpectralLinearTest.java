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

/**
 * The exact linear steppers in float64 against the closed-form evolution of Fourier modes, in 1D
 * and 2D: a mode {@code A sin(κ·x + φ)} becomes {@code A e^{t Re L(κ)} sin(κ·x + φ + t Im L(κ))}
 * under {@code u_t = L u}; the mean is conserved; data sources; bad input.
 */
class SpectralLinearTest {

    private static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
    private static final int N = 16;
    private static final double L = 2.0;

    private static Rollout rollout(SpectralLinear pde) {
        return ENGINE.compileRollout(pde, Parameters.of(Map.of()), new long[] {1, N, N}, DataType.DOUBLE);
    }

    private static Rollout rollout1d(SpectralLinear pde) {
        return ENGINE.compileRollout(pde, Parameters.of(Map.of()), new long[] {1, N}, DataType.DOUBLE);
    }

    /** A symbol {@code L(κx, κy) = re + i·im}, written out per PDE independently of {@link LinearSymbol}. */
    private interface Symbol {
        double[] at(double kx, double ky);
    }

    /** One Fourier mode {@code amplitude·sin(κ(kx)x + κ(ky)y + phase)}. */
    private record Mode(double amplitude, int kx, int ky, double phase) {
        double at(double x, double y, double t, Symbol symbol) {
            double[] l = symbol.at(kappa(kx), kappa(ky));
            return amplitude * Math.exp(t * l[0]) * Math.sin(kappa(kx) * x + kappa(ky) * y + phase + t * l[1]);
        }
    }

    private static final double OFFSET = 0.4;

    private static final Mode[] MODES_1D = {new Mode(1.0, 2, 0, 0.0), new Mode(0.5, 5, 0, Math.PI / 2),
        new Mode(-0.3, 7, 0, 1.0)};

    private static final Mode[] MODES_2D = {new Mode(1.0, 2, 3, 0.0), new Mode(0.5, 0, 5, Math.PI / 2),
        new Mode(-0.3, 3, -1, 1.0), new Mode(0.2, 7, 0, -0.5)};

    private static double exact(Mode[] modes, double x, double y, double t, Symbol symbol) {
        double u = OFFSET;
        for (Mode mode : modes) {
            u += mode.at(x, y, t, symbol);
        }
        return u;
    }

    /** {@code f(x)} on the line, shape (1, 1, N). */
    private static INDArray line(java.util.function.DoubleUnaryOperator f) {
        double[] values = new double[N];
        for (int j = 0; j < N; j++) {
            values[j] = f.applyAsDouble(L * j / N);
        }
        return Nd4j.createFromArray(values).reshape(1, 1, N);
    }

    /** Steps the modes and compares every step with their exact evolution to 1e-10. */
    private static void assertExact(SpectralLinear pde, int dims, double dt, int steps, Symbol symbol) {
        Mode[] modes = dims == 1 ? MODES_1D : MODES_2D;
        Rollout rollout = dims == 1 ? rollout1d(pde) : rollout(pde);
        INDArray state = dims == 1 ? line(x -> exact(modes, x, 0, 0, symbol))
                : field((x, y) -> exact(modes, x, y, 0, symbol));
        for (int step = 1; step <= steps; step++) {
            state = rollout.step(state);
            double t = step * dt;
            INDArray expected = dims == 1 ? line(x -> exact(modes, x, 0, t, symbol))
                    : field((x, y) -> exact(modes, x, y, t, symbol));
            assertArrayEquals(expected.data().asDouble(), state.data().asDouble(), 1e-10, "step " + step);
        }
        assertEquals(OFFSET, state.meanNumber().doubleValue(), 1e-12, "the mean is conserved");
    }

    @Test
    void advectionDiffusion1dShiftsAndDecaysEveryModeExactly() {
        double c = 0.7;
        double nu = 0.02;
        assertExact(SpectralLinear.advectionDiffusion1d(N, c, nu, 0.05, L), 1, 0.05, 6,
                (kx, ky) -> new double[] {-nu * kx * kx, -c * kx});
    }

    @Test
    void dispersion1dRotatesThePhaseOfEveryModeExactly() {
        double xi = -0.004;
        // u_t = ξ u_xxx: ξ(iκ)³ = −iξκ³, no decay
        assertExact(SpectralLinear.dispersion1d(N, xi, 0.05, L), 1, 0.05, 6,
                (kx, ky) -> new double[] {0, -xi * kx * kx * kx});
    }

    @Test
    void hyperDiffusion1dDecaysEveryModeExactly() {
        double zeta = 1e-4;
        assertExact(SpectralLinear.hyperDiffusion1d(N, zeta, 0.05, L), 1, 0.05, 6,
                (kx, ky) -> new double[] {-zeta * Math.pow(kx, 4), 0});
    }

    @Test
    void advectionDiffusion2dShiftsAndDecaysEveryModeExactly() {
        double cx = 0.7;
        double cy = -1.3;
        double nu = 0.01;
        assertExact(SpectralLinear.advectionDiffusion2d(N, cx, cy, nu, 0.03, L), 2, 0.03, 5,
                (kx, ky) -> new double[] {-nu * (kx * kx + ky * ky), -(cx * kx + cy * ky)});
    }

    @Test
    void dispersion2dRotatesThePhaseOfEveryModeExactly() {
        double xi = 0.003;
        // exponax: ξ Σ_axes ∂³ per axis, symbol −iξ(κx³ + κy³)
        assertExact(SpectralLinear.dispersion2d(N, xi, 0.03, L), 2, 0.03, 5,
                (kx, ky) -> new double[] {0, -xi * (kx * kx * kx + ky * ky * ky)});
    }

    @Test
    void hyperDiffusion2dDecaysEveryModeExactly() {
        double zeta = 1e-4;
        // exponax's default, no spatial mixing: −ζ Σ_axes ∂⁴, symbol −ζ(κx⁴ + κy⁴)
        assertExact(SpectralLinear.hyperDiffusion2d(N, zeta, 0.03, L), 2, 0.03, 5,
                (kx, ky) -> new double[] {-zeta * (Math.pow(kx, 4) + Math.pow(ky, 4)), 0});
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
        INDArray end = rollout(SpectralLinear.diffusion2d(N, nu, dt, L)).trajectory(start, 7)
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
        Rollout rollout = rollout(SpectralLinear.advection2d(N, cx, cy, dt, L));
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
        for (String id : new String[] {"diffusion-2d", "advection-2d", "advection-diffusion-2d", "dispersion-2d",
            "hyper-diffusion-2d", "advection-diffusion-1d", "dispersion-1d", "hyper-diffusion-1d"}) {
            Map<String, Object> arguments = Map.of("numPoints", 8, "numSamples", 3, "temporalHorizon", 4,
                    "highestInitMode", 2);
            INDArray first = registry.<DataSource>create(PluginKind.DATA, id, arguments, "data").trajectories(ENGINE);
            assertArrayEquals(id.endsWith("1d") ? new long[] {3, 4, 1, 8} : new long[] {3, 4, 1, 8, 8}, first.shape(),
                    id);
            assertEquals(first, registry.<DataSource>create(PluginKind.DATA, id, arguments, "data")
                    .trajectories(ENGINE), id);
            assertEquals(1.0, first.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).amaxNumber().doubleValue(), 1e-6,
                    id);
            assertTrue(Math.abs(first.meanNumber().doubleValue()) < 1e-6, id + ": zero-mean fields stay zero-mean");
        }
    }

    @Test
    void dataSourcesStepTheirReferenceStepperFromGaussianRandomFields() {
        PluginRegistry registry = PluginRegistry.load();
        Map<String, Object> arguments = Map.of("numPoints", 8, "numSamples", 2, "temporalHorizon", 3,
                "initialCondition", "grf", "highestInitMode", 2, "dispersivity", 0.01, "seed", 4);
        INDArray data = registry.<DataSource>create(PluginKind.DATA, "dispersion-1d", arguments, "data")
                .trajectories(ENGINE);
        assertArrayEquals(new long[] {2, 3, 1, 8}, data.shape());
        Rollout rollout = ENGINE.compileRollout(registry.create(PluginKind.REFERENCE_STEPPER, "dispersion-1d-exact",
                Map.of("numPoints", 8, "dispersivity", 0.01), "referenceStepper"), Parameters.of(Map.of()),
                new long[] {1, 8}, DataType.DOUBLE);
        INDArray next = rollout.step(data.get(NDArrayIndex.all(), NDArrayIndex.point(0)).castTo(DataType.DOUBLE));
        assertArrayEquals(data.get(NDArrayIndex.all(), NDArrayIndex.point(1)).castTo(DataType.DOUBLE).data().asDouble(),
                next.data().asDouble(), 1e-6);
        assertTrue(data.get(NDArrayIndex.all(), NDArrayIndex.point(1)).distance2(
                data.get(NDArrayIndex.all(), NDArrayIndex.point(0))) > 1e-3, "dispersion moves the state");
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
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralLinear.diffusion2d(15, 0.1, 0.1, 1))
                .getMessage().contains("numPoints"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectralLinear.diffusion2d(16, -1, 0.1, 1))
                .getMessage().contains("viscosity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SpectralLinear.advection2d(16, Double.NaN, 0, 0.1, 1)).getMessage().contains("velocityX"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> InitialConditions.truncatedFourier2d(16, 2, 8, 0)).getMessage().contains("highestMode"));
        assertTrue(error(() -> SpectralLinear.advectionDiffusion1d(16, Double.NaN, 0.1, 0.1, 1)).contains("velocity"));
        assertTrue(error(() -> SpectralLinear.advectionDiffusion1d(16, 1, -0.1, 0.1, 1)).contains("viscosity"));
        assertTrue(error(() -> SpectralLinear.dispersion1d(16, Double.POSITIVE_INFINITY, 0.1, 1))
                .contains("dispersivity"));
        assertTrue(error(() -> SpectralLinear.hyperDiffusion1d(16, -1e-3, 0.1, 1)).contains("hyperDiffusivity"));
        assertTrue(error(() -> SpectralLinear.hyperDiffusion1d(10, 1e-3, 0, 1)).startsWith("dt"));
        assertTrue(error(() -> SpectralLinear.dispersion1d(7, 1e-3, 0.1, 1)).startsWith("numPoints"));
        assertTrue(error(() -> SpectralLinear.dispersion2d(8, 1e-3, 0.1, -1)).startsWith("length"));
        assertTrue(error(() -> SpectralLinear.advectionDiffusion2d(8, 1, Double.NaN, 0.1, 0.1, 1))
                .contains("velocityY"));
        assertTrue(error(() -> SpectralLinear.hyperDiffusion2d(8, -1, 0.1, 1)).contains("hyperDiffusivity"));
        PluginRegistry registry = PluginRegistry.load();
        for (String id : new String[] {"advection-diffusion-1d", "dispersion-1d", "hyper-diffusion-1d",
            "advection-diffusion-2d", "dispersion-2d", "hyper-diffusion-2d"}) {
            String message = error(() -> registry.create(PluginKind.REFERENCE_STEPPER, id + "-exact",
                    Map.of("dt", 0.0), "referenceStepper"));
            assertTrue(message.contains("dt") && message.contains("> 0"), id + ": " + message);
            message = error(() -> registry.create(PluginKind.DATA, id, Map.of("length", -2.0), "data"));
            assertTrue(message.contains("length"), id + ": " + message);
        }
        assertTrue(error(() -> registry.create(PluginKind.DATA, "hyper-diffusion-1d", Map.of("hyperDiffusivity", -1.0),
                "data")).contains("hyperDiffusivity"));
        assertTrue(error(() -> registry.<DataSource>create(PluginKind.DATA, "dispersion-2d",
                Map.of("numPoints", 8, "highestInitMode", 4), "data").trajectories(ENGINE)).contains("highestInitMode"));
        SpectralLinear line = SpectralLinear.dispersion1d(8, 1e-3, 0.1, 1);
        line.checkState(new long[] {2, 8});
        assertTrue(error(() -> line.checkState(new long[] {1, 16})).startsWith("numPoints: must be 16"));
        assertTrue(error(() -> line.checkState(new long[] {1, 8, 8})).startsWith("stateShape"));
        SpectralLinear square = SpectralLinear.hyperDiffusion2d(8, 1e-3, 0.1, 1);
        square.checkState(new long[] {1, 8, 8});
        assertTrue(error(() -> square.checkState(new long[] {1, 8})).startsWith("stateShape"));
    }

    private static String error(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
