package dev.trainax.trainers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Network rollout followed by {@code numPostPhysicsSteps} reference steps; needs a reference stepper. */
public final class MixChainPostPhysicsTrainer {

    private MixChainPostPhysicsTrainer() {
    }

    /**
     * A builder on reference trajectories {@code (samples, time, *state)}.
     *
     * @param trajectories the reference trajectories
     * @param numPostPhysicsSteps the {@code numPostPhysicsSteps} option of the configuration
     */
    public static NamedTrainer.Builder builder(INDArray trajectories, int numPostPhysicsSteps) {
        return NamedTrainer.builder("mix-chain-post-physics", trajectories).option("numPostPhysicsSteps", numPostPhysicsSteps);
    }
}
