package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * First-order upwind step of 1D advection on states {@code (batch, channels, points)}: for
 * {@code cfl < 0} (transport to the left) {@code u_i ← (1 + cfl) u_i − cfl u_{i+1}}, for
 * {@code cfl ≥ 0} {@code u_i ← (1 − cfl) u_i + cfl u_{i−1}}. Stable for {@code |cfl| ≤ 1}. The
 * upwind neighbour of the inflow end is the other end ({@link Boundary#PERIODIC}) or zero
 * ({@link Boundary#DIRICHLET}, Trainax's notebook example).
 */
public final class FirstOrderUpwind implements Stepper {

    /** What lies beyond the inflow end. */
    public enum Boundary {
        /** The grid wraps around. */
        PERIODIC,
        /** A zero value (homogeneous Dirichlet). */
        DIRICHLET
    }

    private final double cfl;
    private final Boundary boundary;

    /** A periodic stepper; @param cfl Courant number in [−1, 1] */
    public FirstOrderUpwind(double cfl) {
        this(cfl, Boundary.PERIODIC);
    }

    /**
     * @param cfl      Courant number in [−1, 1]
     * @param boundary periodic or zero Dirichlet
     */
    public FirstOrderUpwind(double cfl, Boundary boundary) {
        Require.that(Math.abs(Require.finite("cfl", cfl)) <= 1, "cfl",
                "must be in [-1, 1] for the first-order upwind scheme to be stable, got " + cfl);
        this.cfl = cfl;
        this.boundary = Require.present("boundary", boundary);
    }

    /** The stencil {@code [1 + cfl, −cfl]} on {@code (u_i, u_{i+1})} for negative CFL. */
    public double[] stencil() {
        return cfl < 0 ? new double[] {1 + cfl, -cfl} : new double[] {cfl, 1 - cfl};
    }

    /** Accepts states {@code (channels, points)} of at least 2 points. */
    @Override
    public void checkState(long[] stateShape) {
        Require.that(stateShape.length == 2 && stateShape[1] >= 2, "stateShape:",
                "must be (channels, points) with 1 spatial axis of ≥ 2 points (1D advection), got "
                        + Arrays.toString(stateShape));
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        SDVariable first = state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, 1));
        SDVariable last = state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(-1, null));
        SDVariable neighbour = cfl < 0
                ? graph.concat(2, state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, null)), beyond(first))
                : graph.concat(2, beyond(last), state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, -1)));
        double c = Math.abs(cfl);
        return state.mul(1 - c).add(neighbour.mul(c));
    }

    /** The value beyond the inflow end: the opposite end's value, or zero of the same shape. */
    private SDVariable beyond(SDVariable oppositeEnd) {
        return boundary == Boundary.PERIODIC ? oppositeEnd : oppositeEnd.mul(0.0);
    }
}
