package dev.trainax.api;

/**
 * Observes training every {@link #every()} update steps and returns a value that the trainer
 * records under {@link #name()} (or {@code null} to record nothing).
 */
public interface Callback {

    /** The interval in update steps, at least 1. */
    int every();

    /** The key under which results are recorded. */
    String name();

    /** Called at every update step {@code s} with {@code s % every() == 0}. */
    Object onStep(TrainingView view);
}
