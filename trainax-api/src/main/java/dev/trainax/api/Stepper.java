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
}
