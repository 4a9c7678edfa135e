package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How per-sample losses are aggregated over the batch. */
@API(status = STABLE, since = "0.1")
public enum BatchReduction {
    /** The mean over the batch (Trainax's default). */
    MEAN,
    /** The sum over the batch. */
    SUM
}
