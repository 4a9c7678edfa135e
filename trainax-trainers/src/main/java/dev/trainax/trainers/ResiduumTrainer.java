package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Residuum-based training; needs a residuum and stores only initial conditions. */
public final class ResiduumTrainer {

    private ResiduumTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     */
    public static NamedTrainer.Builder builder(INDArray trajectories) {
        return NamedTrainer.builder("residuum", trajectories);
    }
}
