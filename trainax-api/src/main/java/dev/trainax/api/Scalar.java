package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Opaque handle to a scalar loss term inside a configuration's program. */
@API(status = STABLE, since = "0.1")
public interface Scalar {
}
