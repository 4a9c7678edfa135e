package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A residuum {@code R(u^{[t+1]}, u^{[t]})} of two consecutive states: zero when the pair obeys
 * the discretised physics. Residuum-based training reduces it with a single-input time-level loss.
 */
@API(status = STABLE, since = "0.1")
public interface Residuum {

    /** Adds the residuum of {@code next} given {@code previous} to the graph; shape {@code (batch, channels, *space)}. */
    SDVariable apply(StepContext context, SDVariable next, SDVariable previous);

    /**
     * Checks, before any graph is built, that this residuum applies to states of one shape (a
     * residuum on a grid needs states on that grid); as {@link Stepper#checkState(long[])}. The
     * default accepts every shape.
     *
     * @param stateShape one state's shape {@code (channels, *space)}, every size ≥ 1
     * @throws IllegalArgumentException naming the residuum's parameter that does not fit, the
     *                                  allowed values and what was got
     */
    default void checkState(long[] stateShape) {
    }
}
