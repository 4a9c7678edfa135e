package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** General diverted chain with branches of {@code numBranchSteps}; needs a reference stepper. */
public final class DivertedChainTrainer {

    private DivertedChainTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     * @param numBranchSteps the {@code numBranchSteps} option of the configuration
     */
    public static NamedTrainer.Builder builder(INDArray trajectories, int numBranchSteps) {
        return NamedTrainer.builder("diverted-chain", trajectories).option("numBranchSteps", numBranchSteps);
    }
}
