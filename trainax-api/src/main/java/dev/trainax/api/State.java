package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Opaque handle to a batched state of shape {@code (batch, channels, *space)} inside a
 * configuration's program. Only the {@link RolloutOps} that produced it can use it.
 */
@API(status = STABLE, since = "0.1")
public interface State {
}
