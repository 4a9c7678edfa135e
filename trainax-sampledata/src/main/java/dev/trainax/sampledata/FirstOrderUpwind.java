package dev.trainax.sampledata;

import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * First-order upwind step of 1D advection on periodic states {@code (batch, channels, points)}:
 * for {@code cfl < 0} (transport to the left) {@code u_i ← (1 + cfl) u_i − cfl u_{i+1}}, for
 * {@code cfl ≥ 0} {@code u_i ← (1 − cfl) u_i + cfl u_{i−1}}. Stable for {@code |cfl| ≤ 1}.
 */
public final class FirstOrderUpwind implements Stepper {

    private final double cfl;

    /** @param cfl Courant number in [−1, 1] */
    public FirstOrderUpwind(double cfl) {
        Require.that(Math.abs(Require.finite("cfl", cfl)) <= 1, "cfl",
                "must be in [-1, 1] for the first-order upwind scheme to be stable, got " + cfl);
        this.cfl = cfl;
    }

    /** The stencil {@code [1 + cfl, −cfl]} on {@code (u_i, u_{i+1})} for negative CFL. */
    public double[] stencil() {
        return cfl < 0 ? new double[] {1 + cfl, -cfl} : new double[] {cfl, 1 - cfl};
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        SDVariable neighbour = cfl < 0
                ? graph.concat(2, state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, null)),
                        state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, 1)))
                : graph.concat(2, state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(-1, null)),
                        state.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, -1)));
        double c = Math.abs(cfl);
        return state.mul(1 - c).add(neighbour.mul(c));
    }
}
