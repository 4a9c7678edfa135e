package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Observes training every {@link #every()} update steps and returns a value that the trainer
 * records under {@link #name()} (or {@code null} to record nothing).
 */
@API(status = STABLE, since = "0.1")
public interface Callback {

    /** The interval in update steps, at least 1. */
    int every();

    /** The key under which results are recorded. */
    String name();

    /** Called at every update step {@code s} with {@code s % every() == 0}. */
    Object onStep(TrainingView view);

    /**
     * The callback's own state that a resumed run needs to behave as the uninterrupted one (early
     * stopping's best value, say), saved with each checkpoint; empty for stateless callbacks.
     */
    default Map<String, Double> checkpointState() {
        return Map.of();
    }

    /** Restores what {@link #checkpointState()} returned when the checkpoint was written. */
    default void restoreState(Map<String, Double> state) {
    }
}
