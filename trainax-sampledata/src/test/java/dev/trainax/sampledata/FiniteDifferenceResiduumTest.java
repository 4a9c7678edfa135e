package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Residuum;
import dev.trainax.api.StepContext;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * The θ-method residua in float64: zero on the exact discrete step of each scheme, first or second
 * order in time on the exact semi-discrete solution, and the nonlinear terms against hand values.
 */
class FiniteDifferenceResiduumTest {

    private static final int N = 16;
    private static final double L = 1.0;
    private static final double DX = L / N;

    /** {@code R(next, previous)} evaluated in a plain SameDiff graph. */
    private static INDArray residuum(Residuum residuum, INDArray next, INDArray previous) {
        SameDiff graph = SameDiff.create();
        SDVariable nextVariable = graph.constant("next", next);
        SDVariable previousVariable = graph.constant("previous", previous);
        SDVariable out = residuum.apply(new PlainContext(graph), nextVariable, previousVariable);
        return graph.outputSingle(Map.of(), out.name());
    }

    /** The central second difference of {@code N} points as a matrix acting on column vectors. */
    private static INDArray laplacian() {
        INDArray matrix = Nd4j.zeros(DataType.DOUBLE, N, N);
        for (int j = 0; j < N; j++) {
            matrix.putScalar(j, j, -2 / (DX * DX));
            matrix.putScalar(j, (j + 1) % N, 1 / (DX * DX));
            matrix.putScalar(j, (j + N - 1) % N, 1 / (DX * DX));
        }
        return matrix;
    }

    private static INDArray wave() {
        double[] u = new double[N];
        for (int j = 0; j < N; j++) {
            u[j] = Math.sin(2 * Math.PI * j / N) + 0.5 * Math.cos(6 * Math.PI * j / N) + 0.2;
        }
        return Nd4j.createFromArray(u);
    }

    @Test
    void theExactDiscreteStepOfEachSchemeHasZeroResiduum() {
        double nu = 0.05;
        double dt = 0.01;
        INDArray previous = wave();
        for (Scheme scheme : Scheme.values()) {
            double theta = scheme.theta();
            // (I − θΔt νA) next = (I + (1 − θ)Δt νA) previous
            INDArray a = laplacian().mul(nu * dt);
            INDArray lhs = Nd4j.eye(N).castTo(DataType.DOUBLE).sub(a.mul(theta));
            INDArray rhs = Nd4j.eye(N).castTo(DataType.DOUBLE).add(a.mul(1 - theta)).mmul(previous.reshape(N, 1));
            INDArray next = InvertMatrix.invert(lhs, false).mmul(rhs);
            INDArray r = residuum(FiniteDifferenceResiduum.diffusion(scheme, N, L, dt, nu), next.reshape(1, 1, N),
                    previous.reshape(1, 1, N));
            assertTrue(r.amaxNumber().doubleValue() < 1e-10, scheme + ": " + r.amaxNumber());
        }
    }

    /** max |R| on the exact solution {@code e^{−νλt} sin} of the semi-discrete heat equation. */
    private static double semiDiscreteResiduum(Scheme scheme, double dt) {
        double nu = 0.05;
        double lambda = (2 - 2 * Math.cos(2 * Math.PI * 2 / N)) / (DX * DX);
        double[] now = new double[N];
        double[] later = new double[N];
        for (int j = 0; j < N; j++) {
            now[j] = Math.sin(2 * Math.PI * 2 * j / N);
            later[j] = Math.exp(-nu * lambda * dt) * now[j];
        }
        return residuum(FiniteDifferenceResiduum.diffusion(scheme, N, L, dt, nu),
                Nd4j.createFromArray(later).reshape(1, 1, N), Nd4j.createFromArray(now).reshape(1, 1, N))
                .amaxNumber().doubleValue();
    }

    @Test
    void crankNicolsonIsSecondOrderAndImplicitEulerFirst() {
        double eulerOrder = Math.log(semiDiscreteResiduum(Scheme.IMPLICIT_EULER, 0.02)
                / semiDiscreteResiduum(Scheme.IMPLICIT_EULER, 0.01)) / Math.log(2);
        double crankNicolsonOrder = Math.log(semiDiscreteResiduum(Scheme.CRANK_NICOLSON, 0.02)
                / semiDiscreteResiduum(Scheme.CRANK_NICOLSON, 0.01)) / Math.log(2);
        assertEquals(1.0, eulerOrder, 0.1);
        assertEquals(2.0, crankNicolsonOrder, 0.1);
    }

    @Test
    void nonlinearAndHigherOrderTermsMatchHandValues() {
        INDArray u = Nd4j.createFromArray(1.0, 2, 4, 8, 16).reshape(1, 1, 5);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1, 5);
        double dx = 1.0;
        // Burgers, ν = 0, implicit Euler, next = u, previous = 0: R_j = u_j/Δt + (u_{j+1}² − u_{j−1}²)/4Δx
        INDArray burgers = residuum(FiniteDifferenceResiduum.burgers(Scheme.IMPLICIT_EULER, 5, 5 * dx, 1.0, 0, 1),
                u, zero);
        assertEquals(1 + (4 - 256) / 4.0, burgers.getDouble(0), 1e-12);
        assertEquals(4 + (64 - 4) / 4.0, burgers.getDouble(2), 1e-12);
        // KS at j = 2: δₓₓₓₓ = u0 − 4u1 + 6u2 − 4u3 + u4 = 1 − 8 + 24 − 32 + 16 = 1; δₓₓ = 2 − 8 + 8 = 2;
        // δₓ(u²/2) = (64 − 4)/4 = 15; R = u2 + 15 + 2 + 1
        INDArray ks = residuum(FiniteDifferenceResiduum.kuramotoSivashinsky(Scheme.IMPLICIT_EULER, 5, 5 * dx, 1.0),
                u, zero);
        assertEquals(4 + 15 + 2 + 1, ks.getDouble(2), 1e-12);
        // Crank–Nicolson halves the operator on each side: next = previous = u gives −F(u)
        INDArray advection = residuum(FiniteDifferenceResiduum.advection(Scheme.CRANK_NICOLSON, 5, 5 * dx, 1.0, 2.0),
                u, u);
        assertEquals(2.0 * (8 - 2) / 2, advection.getDouble(2), 1e-12);
    }

    @Test
    void twoDimensionalResiduaUseBothAxes() {
        INDArray u = Nd4j.zeros(DataType.DOUBLE, 1, 1, 4, 4);
        u.putScalar(new long[] {0, 0, 1, 2}, 1.0);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1, 4, 4);
        // implicit Euler, Δt = Δx = 1: R = u − ν(δₓₓ + δ_yy)u; the five-point stencil
        INDArray diffusion = residuum(FiniteDifferenceResiduum.diffusion2d(Scheme.IMPLICIT_EULER, 4, 4.0, 1.0, 1.0),
                u, zero);
        assertEquals(1 + 4, diffusion.getDouble(0, 0, 1, 2), 1e-12);
        assertEquals(-1, diffusion.getDouble(0, 0, 0, 2), 1e-12);
        assertEquals(-1, diffusion.getDouble(0, 0, 1, 3), 1e-12);
        assertEquals(0, diffusion.getDouble(0, 0, 0, 0), 1e-12);
        // advection: R = u + cₓδₓu + c_yδ_y u; at (y=1, x=3): cₓ·(0 − 1)/2, at (y=2, x=2): c_y·(0 − 1)/2
        INDArray advection = residuum(FiniteDifferenceResiduum.advection2d(Scheme.IMPLICIT_EULER, 4, 4.0, 1.0,
                3.0, 5.0), u, zero);
        assertEquals(-1.5, advection.getDouble(0, 0, 1, 3), 1e-12);
        assertEquals(-2.5, advection.getDouble(0, 0, 2, 2), 1e-12);
    }

    @Test
    void everyResiduumProviderBuilds() {
        PluginRegistry registry = PluginRegistry.load();
        for (String id : new String[] {"diffusion-residuum", "burgers-residuum", "advection-1d-residuum",
            "kuramoto-sivashinsky-residuum", "diffusion-2d-residuum", "advection-2d-residuum",
            "diffusion-implicit-euler", "burgers-implicit-euler"}) {
            Residuum residuum = registry.create(PluginKind.RESIDUUM, id, Map.of(), "residuum");
            assertTrue(residuum instanceof FiniteDifferenceResiduum, id);
        }
        FiniteDifferenceResiduum implicit = registry.create(PluginKind.RESIDUUM, "diffusion-residuum",
                Map.of("scheme", "implicit-euler"), "residuum");
        assertEquals(Scheme.IMPLICIT_EULER, implicit.scheme());
    }

    /** The minimal {@link StepContext} a residuum needs: the graph and float64. */
    private record PlainContext(SameDiff graph) implements StepContext {
        @Override
        public DataType dataType() {
            return DataType.DOUBLE;
        }

        @Override
        public long[] stateShape() {
            throw new UnsupportedOperationException("residua read their grid from their own configuration");
        }

        @Override
        public SDVariable parameter(String name) {
            throw new UnsupportedOperationException("residua have no parameters");
        }

        @Override
        public SDVariable constant(String name, INDArray value) {
            return graph.constant(name, value);
        }

        @Override
        public SDVariable derived(String key, Supplier<SDVariable> build) {
            return build.get();
        }
    }
}
