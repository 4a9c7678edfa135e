package dev.trainax.api;

/** A trainable stepper: an architecture that also knows how to initialise its parameters. */
public interface Network extends Stepper {

    /** Fresh parameters drawn deterministically from {@code seed}. */
    Parameters initialParameters(long seed);
}
