package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Supervised rollout reset to the data every {@code resetEvery} steps. */
public final class TeacherForcingTrainer {

    private TeacherForcingTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     * @param resetEvery the {@code resetEvery} option of the configuration
     */
    public static NamedTrainer.Builder builder(INDArray trajectories, int resetEvery) {
        return NamedTrainer.builder("teacher-forcing", trajectories).option("resetEvery", resetEvery);
    }
}
