package dev.trainax.sampledata;

import dev.trainax.api.Residuum;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The θ-method residuum of a PDE {@code u_t = F(u)} on a periodic grid with central finite
 * differences, for residuum-based training:
 * {@code R(next, prev) = (next − prev)/Δt − θ·F(next) − (1 − θ)·F(prev)}, with θ = 1 for
 * {@linkplain Scheme#IMPLICIT_EULER implicit Euler} (first order in time) and θ = ½ for
 * {@linkplain Scheme#CRANK_NICOLSON Crank–Nicolson} (second order). Spatial operators, with
 * {@code δ} the second-order central differences on spacing {@code Δx = L/N} along every spatial axis:
 * <ul>
 * <li>{@link #burgers burgers}: {@code F = ν δₓₓu − c·δₓ(u²/2)} (c = 0 is diffusion, c = 1 Burgers);</li>
 * <li>{@link #advection advection}: {@code F = −c δₓu};</li>
 * <li>{@link #kuramotoSivashinsky Kuramoto–Sivashinsky}: {@code F = −δₓ(u²/2) − δₓₓu − δₓₓₓₓu};</li>
 * <li>{@link #diffusion2d 2D diffusion}: {@code F = ν(δₓₓ + δ_yy)u};</li>
 * <li>{@link #advection2d 2D advection}: {@code F = −cₓδₓu − c_yδ_y u}.</li>
 * </ul>
 * States {@code (batch, channels, points)} in 1D, {@code (batch, channels, N, N)} in 2D (axis 2 is y).
 */
public final class FiniteDifferenceResiduum implements Residuum {

    /** The time discretisation. */
    public enum Scheme {
        // declaration order is the order plugin listings show
        /** θ = ½: the trapezoidal rule. */
        CRANK_NICOLSON(0.5),
        /** θ = 1: {@code F} at the new state only. */
        IMPLICIT_EULER(1.0);

        private final double theta;

        Scheme(double theta) {
            this.theta = theta;
        }

        /** The weight of {@code F(next)}. */
        public double theta() {
            return theta;
        }
    }

    /** A spatial operator {@code F} as graph operations. */
    private interface SpatialOperator {
        SDVariable apply(SameDiff graph, SDVariable u);
    }

    private final Scheme scheme;
    private final int spatialDims;
    private final int numPoints;
    private final double dt;
    private final SpatialOperator operator;

    private FiniteDifferenceResiduum(Scheme scheme, int spatialDims, int numPoints, double dt,
                                     SpatialOperator operator) {
        this.scheme = Require.present("scheme", scheme);
        this.spatialDims = spatialDims;
        this.numPoints = numPoints;
        Require.that(dt > 0 && Double.isFinite(dt), "dt", "must be > 0, got " + dt);
        this.dt = dt;
        this.operator = operator;
    }

    /**
     * Viscous Burgers {@code u_t + c·(u²/2)_x = ν u_xx} in 1D.
     *
     * @param scheme     time discretisation
     * @param numPoints  grid points ≥ 3
     * @param length     domain length > 0
     * @param dt         time step > 0
     * @param viscosity  ν ≥ 0
     * @param convection c (0 for diffusion, 1 for Burgers)
     */
    public static FiniteDifferenceResiduum burgers(Scheme scheme, int numPoints, double length, double dt,
                                                   double viscosity, double convection) {
        double dx = spacing(numPoints, length);
        double nu = viscosity(viscosity);
        double c = Require.finite("convection", convection);
        return new FiniteDifferenceResiduum(scheme, 1, numPoints, dt, (graph, u) -> {
            SDVariable f = secondDerivative(graph, u, 2, dx).mul(nu);
            return c == 0 ? f : f.sub(fluxDerivative(graph, u, dx).mul(c));
        });
    }

    /** Diffusion {@code u_t = ν u_xx} in 1D; arguments as for {@link #burgers}. */
    public static FiniteDifferenceResiduum diffusion(Scheme scheme, int numPoints, double length, double dt,
                                                     double viscosity) {
        return burgers(scheme, numPoints, length, dt, viscosity, 0.0);
    }

    /** Advection {@code u_t + c u_x = 0} in 1D. */
    public static FiniteDifferenceResiduum advection(Scheme scheme, int numPoints, double length, double dt,
                                                     double velocity) {
        double dx = spacing(numPoints, length);
        double c = Require.finite("velocity", velocity);
        return new FiniteDifferenceResiduum(scheme, 1, numPoints, dt,
                (graph, u) -> firstDerivative(graph, u, 2, dx).mul(-c));
    }

    /** Kuramoto–Sivashinsky {@code u_t + (u²/2)_x + u_xx + u_xxxx = 0} in 1D (needs ≥ 5 points). */
    public static FiniteDifferenceResiduum kuramotoSivashinsky(Scheme scheme, int numPoints, double length,
                                                               double dt) {
        Require.atLeast("numPoints", numPoints, 5);
        double dx = spacing(numPoints, length);
        return new FiniteDifferenceResiduum(scheme, 1, numPoints, dt, (graph, u) -> {
            SDVariable second = secondDerivative(graph, u, 2, dx);
            SDVariable fourth = secondDerivative(graph, second, 2, dx);
            return fluxDerivative(graph, u, dx).add(second).add(fourth).neg();
        });
    }

    /** Diffusion {@code u_t = ν(u_xx + u_yy)} on an {@code N × N} grid of the square {@code [0, L)²}. */
    public static FiniteDifferenceResiduum diffusion2d(Scheme scheme, int numPoints, double length, double dt,
                                                       double viscosity) {
        double dx = spacing(numPoints, length);
        double nu = viscosity(viscosity);
        return new FiniteDifferenceResiduum(scheme, 2, numPoints, dt, (graph, u) -> secondDerivative(graph, u, 2, dx)
                .add(secondDerivative(graph, u, 3, dx)).mul(nu));
    }

    /** Advection {@code u_t + cₓu_x + c_y u_y = 0} on an {@code N × N} grid of the square {@code [0, L)²}. */
    public static FiniteDifferenceResiduum advection2d(Scheme scheme, int numPoints, double length, double dt,
                                                       double velocityX, double velocityY) {
        double dx = spacing(numPoints, length);
        double cx = Require.finite("velocityX", velocityX);
        double cy = Require.finite("velocityY", velocityY);
        return new FiniteDifferenceResiduum(scheme, 2, numPoints, dt, (graph, u) -> firstDerivative(graph, u, 3, dx)
                .mul(-cx)
                .sub(firstDerivative(graph, u, 2, dx).mul(cy)));
    }

    private static double spacing(int numPoints, double length) {
        Require.atLeast("numPoints", numPoints, 3);
        Require.that(length > 0 && Double.isFinite(length), "length", "must be > 0, got " + length);
        return length / numPoints;
    }

    private static double viscosity(double viscosity) {
        Require.that(viscosity >= 0 && Double.isFinite(viscosity), "viscosity", "must be ≥ 0, got " + viscosity);
        return viscosity;
    }

    /** The time discretisation. */
    public Scheme scheme() {
        return scheme;
    }

    /** Accepts states on its grid: {@code (channels, numPoints)} in 1D, {@code (channels, numPoints, numPoints)} in 2D. */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(spatialDims, numPoints, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable next, SDVariable previous) {
        SameDiff graph = context.graph();
        SDVariable residuum = next.sub(previous).div(dt);
        double theta = scheme.theta();
        residuum = residuum.sub(operator.apply(graph, next).mul(theta));
        return theta == 1.0 ? residuum : residuum.sub(operator.apply(graph, previous).mul(1 - theta));
    }

    /** {@code v_{j+offset}} along {@code axis}, periodically. */
    private static SDVariable shifted(SameDiff graph, SDVariable v, int axis, int offset) {
        return graph.concat(axis, slice(v, axis, offset, null), slice(v, axis, 0, (long) offset));
    }

    private static SDVariable slice(SDVariable v, int axis, long from, Long to) {
        SDIndex[] indices = new SDIndex[axis + 1];
        Arrays.fill(indices, SDIndex.all());
        indices[axis] = SDIndex.interval(from, to);
        return v.get(indices);
    }

    /** {@code (v_{j+1} − v_{j−1}) / 2Δx}. */
    private static SDVariable firstDerivative(SameDiff graph, SDVariable v, int axis, double dx) {
        return shifted(graph, v, axis, 1).sub(shifted(graph, v, axis, -1)).div(2 * dx);
    }

    /** {@code (v_{j+1} − 2v_j + v_{j−1}) / Δx²}. */
    private static SDVariable secondDerivative(SameDiff graph, SDVariable v, int axis, double dx) {
        return shifted(graph, v, axis, 1).add(shifted(graph, v, axis, -1)).sub(v.mul(2)).div(dx * dx);
    }

    /** {@code δₓ(v²/2) = (v_{j+1}² − v_{j−1}²) / 4Δx}. */
    private static SDVariable fluxDerivative(SameDiff graph, SDVariable v, double dx) {
        return graph.math().square(shifted(graph, v, 2, 1)).sub(graph.math().square(shifted(graph, v, 2, -1)))
                .div(4 * dx);
    }
}
