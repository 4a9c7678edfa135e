package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** What a {@link TimeLevelLoss} sees while it adds its operations: the graph and per-sample reductions. */
@API(status = STABLE, since = "0.1")
public interface LossContext {

    /** The graph being built. */
    SameDiff graph();

    /** The mean over every axis but the batch axis of a state-shaped {@code x}: shape {@code [batch]}. */
    SDVariable meanPerSample(SDVariable x);

    /** The mean over every element of a state-shaped {@code x}, batch included: a scalar. */
    SDVariable meanOverAll(SDVariable x);
}
