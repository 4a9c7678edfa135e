package dev.trainax.api;

/**
 * Opaque handle to a batched state of shape {@code (batch, channels, *space)} inside a
 * configuration's program. Only the {@link RolloutOps} that produced it can use it.
 */
public interface State {
}
