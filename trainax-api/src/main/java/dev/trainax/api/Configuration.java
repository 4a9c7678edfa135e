package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A training methodology: a small program over {@link RolloutOps} that turns one batch of data
 * windows into a scalar loss. Supervised unrolling, diverted chains, mix chains, residuum training
 * and their composites are all configurations. Implementations are immutable value objects whose
 * constructors validate their options.
 */
@API(status = STABLE, since = "0.1")
public interface Configuration {

    /** The data, reference stepper and residuum this configuration needs. */
    DataRequirement dataRequirement();

    /** Writes the loss program for one batch of windows. */
    Scalar loss(RolloutOps ops);
}
