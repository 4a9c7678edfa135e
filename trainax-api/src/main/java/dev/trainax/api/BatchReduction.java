package dev.trainax.api;

/** How per-sample losses are aggregated over the batch. */
public enum BatchReduction {
    /** The mean over the batch (Trainax's default). */
    MEAN,
    /** The sum over the batch. */
    SUM
}
