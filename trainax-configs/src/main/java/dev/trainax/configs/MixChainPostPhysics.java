package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Mix chain with physics after the network: the main chain runs r network steps, then p reference
 * steps, and every level of the whole chain is compared with the data.
 * <pre>
 *   u⁰ ─f→ û¹ … ─f→ ûʳ ─P→ ûʳ⁺¹ … ─P→ ûʳ⁺ᵖ      loss = Σ_{t=1..r+p} wₜ · l(ûᵗ, uᵗ)
 * </pre>
 * BPTT cuts apply to the network part only. Needs windows of r + p + 1 levels and a reference stepper.
 *
 * @param numRolloutSteps     network steps r ≥ 1 (default 1)
 * @param numPostPhysicsSteps reference steps p ≥ 1 after the network (default 1)
 * @param timeLevelLoss       the loss per level (default MSE)
 * @param cutBptt             stop gradients along the network part (default false)
 * @param cutBpttEvery        cut after every k-th network step (default 1)
 * @param timeLevelWeights    r + p weights over the whole main chain (default ones)
 */
public record MixChainPostPhysics(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "reference steps after the network", defaultValue = "1", min = 1) int numPostPhysicsSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the network part", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th network step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "numRolloutSteps + numPostPhysicsSteps weights; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public MixChainPostPhysics {
        RecordParameters.check(MixChainPostPhysics.class, numRolloutSteps, numPostPhysicsSteps, timeLevelLoss, cutBptt, cutBpttEvery, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        Options.steps("numPostPhysicsSteps", numPostPhysicsSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights,
                numRolloutSteps + numPostPhysicsSteps, "one per level of the main chain, numRolloutSteps + numPostPhysicsSteps");
    }

    /** r network then p physics steps, every other option at its default. */
    public static MixChainPostPhysics of(int numRolloutSteps, int numPostPhysicsSteps) {
        return new MixChainPostPhysics(numRolloutSteps, numPostPhysicsSteps, null, false, 1, null);
    }

    /** The same with BPTT cut after every {@code every}-th network step. */
    public MixChainPostPhysics withCutBptt(int every) {
        return new MixChainPostPhysics(numRolloutSteps, numPostPhysicsSteps, timeLevelLoss, true, every,
                timeLevelWeights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(numRolloutSteps + numPostPhysicsSteps + 1, true, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        List<Scalar> terms = new ArrayList<>();
        State prediction = Options.unroll(ops, timeLevelLoss, ops.data(0), 0, numRolloutSteps, cutBptt,
                cutBpttEvery, terms);
        for (int t = numRolloutSteps; t < numRolloutSteps + numPostPhysicsSteps; t++) {
            prediction = ops.reference(prediction);
            terms.add(ops.loss(timeLevelLoss, prediction, ops.data(t + 1)));
        }
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
