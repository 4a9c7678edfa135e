package dev.trainax.api;

/** Opaque handle to a scalar loss term inside a configuration's program. */
public interface Scalar {
}
