package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Supervised unrolled training against the reference trajectories (windows of r + 1 levels). */
public final class SupervisedTrainer {

    private SupervisedTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     */
    public static NamedTrainer.Builder builder(INDArray trajectories) {
        return NamedTrainer.builder("supervised", trajectories);
    }
}
