package dev.trainax.sampledata;

import dev.trainax.api.Require;
import dev.trainax.api.Residuum;
import dev.trainax.api.StepContext;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The implicit-Euler residuum of {@code u_t + c·(u²/2)_x = ν u_xx} on a periodic grid with
 * second-order central differences, for residuum-based training:
 * {@code R(next, prev) = (next − prev)/Δt + c·δₓ(next²/2) − ν·δₓₓ next}, with
 * {@code δₓ v = (v_{j+1} − v_{j−1}) / 2Δx} and {@code δₓₓ v = (v_{j+1} − 2v_j + v_{j−1}) / Δx²}.
 * c = 0 gives diffusion, c = 1 viscous Burgers. States {@code (batch, channels, points)}.
 */
public final class ImplicitEulerResiduum implements Residuum {

    private final double viscosity;
    private final double convection;
    private final double dt;
    private final double dx;

    /**
     * @param numPoints  grid points ≥ 3
     * @param length     domain length > 0
     * @param dt         time step > 0
     * @param viscosity  ν ≥ 0
     * @param convection c (0 for diffusion, 1 for Burgers)
     */
    public ImplicitEulerResiduum(int numPoints, double length, double dt, double viscosity, double convection) {
        Require.atLeast("numPoints", numPoints, 3);
        Require.that(length > 0 && Double.isFinite(length), "length", "must be > 0, got " + length);
        Require.that(dt > 0 && Double.isFinite(dt), "dt", "must be > 0, got " + dt);
        Require.that(viscosity >= 0 && Double.isFinite(viscosity), "viscosity", "must be ≥ 0, got " + viscosity);
        this.viscosity = viscosity;
        this.convection = Require.finite("convection", convection);
        this.dt = dt;
        this.dx = length / numPoints;
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable next, SDVariable previous) {
        SameDiff graph = context.graph();
        SDVariable right = roll(graph, next, true);
        SDVariable left = roll(graph, next, false);
        SDVariable residuum = next.sub(previous).div(dt)
                .sub(right.add(left).sub(next.mul(2)).mul(viscosity / (dx * dx)));
        if (convection != 0) {
            SDVariable flux = graph.math().square(right).sub(graph.math().square(left)).mul(convection / (4 * dx));
            residuum = residuum.add(flux);
        }
        return residuum;
    }

    /** {@code v_{j+1}} (towards the right neighbour) or {@code v_{j−1}}, periodically. */
    private static SDVariable roll(SameDiff graph, SDVariable v, boolean rightNeighbour) {
        return rightNeighbour
                ? graph.concat(2, v.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, null)),
                        v.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, 1)))
                : graph.concat(2, v.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(-1, null)),
                        v.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, -1)));
    }
}
