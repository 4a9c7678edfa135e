package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One-step diverted chain; needs a reference stepper and stores only initial conditions. */
public final class DivertedChainBranchOneTrainer {

    private DivertedChainBranchOneTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     */
    public static NamedTrainer.Builder builder(INDArray trajectories) {
        return NamedTrainer.builder("diverted-chain-branch-one", trajectories);
    }
}
