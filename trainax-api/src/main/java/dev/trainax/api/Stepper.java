package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A time stepper {@code u^{[t+1]} = f(u^{[t]})} on batched states {@code (batch, channels, *space)},
 * written as SameDiff operations so that an engine can differentiate through it. Neural networks
 * read trainable values through {@link StepContext#parameter(String)}; reference physics keeps
 * its fixed arrays as {@link StepContext#constant(String, org.nd4j.linalg.api.ndarray.INDArray)}.
 */
@API(status = STABLE, since = "0.1")
public interface Stepper {

    /** Adds one application of this stepper to the context's graph and returns the next state. */
    SDVariable apply(StepContext context, SDVariable state);

    /**
     * Checks, before any graph is built, that this stepper can step states of one shape: the run
     * plan, {@link dev.trainax.api.engine.TrainingProblem} and engines call it with the data's
     * state shape, so that a mismatch (a kernel wider than the grid, another number of spatial
     * axes or channels, a grid of another size) is reported in words instead of failing inside
     * ND4J. The default accepts every shape.
     *
     * @param stateShape one state's shape {@code (channels, *space)}, without the batch axis, every
     *                   size ≥ 1
     * @throws IllegalArgumentException if the shape does not fit: the message starts with the
     *                                  stepper's own parameter that does not fit (callers prefix
     *                                  its role, e.g. {@code network.}), then the allowed values
     *                                  and what was got, e.g. {@code kernelSize: must be ≤ 15 (…
     *                                  the state shape [1, 8]), got 17}
     */
    default void checkState(long[] stateShape) {
    }
}
