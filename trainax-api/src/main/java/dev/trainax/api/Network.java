package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A trainable stepper: an architecture that also knows how to initialise its parameters. */
@API(status = STABLE, since = "0.1")
public interface Network extends Stepper {

    /** Fresh parameters drawn deterministically from {@code seed}. */
    Parameters initialParameters(long seed);
}
