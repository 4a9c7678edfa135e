package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Residuum-based training: the network's consecutive states must satisfy the discretised physics,
 * given only as a residuum {@code R(next, previous)}; no reference trajectory is needed.
 * <pre>
 *   u⁰ ─f→ û¹ ─f→ û² … ─f→ ûʳ      loss = Σₜ wₜ · l(R(ûᵗ⁺¹, ûᵗ))
 * </pre>
 * Needs only the initial condition and a residuum; the loss must accept a single input.
 *
 * @param numRolloutSteps  r ≥ 1 (default 1)
 * @param timeLevelLoss    single-input loss per level (default MSE)
 * @param cutBptt          stop gradients along the chain (default false)
 * @param cutBpttEvery     cut after every k-th step (default 1)
 * @param cutPrev          stop gradients into the residuum's previous state (default false)
 * @param cutNext          stop gradients into the residuum's next state (default false)
 * @param timeLevelWeights r weights (default ones)
 */
public record ResiduumTraining(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "single-input loss of the residuum; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the main chain", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "stop gradients into the previous state", defaultValue = "false") boolean cutPrev,
        @Param(value = "stop gradients into the next state", defaultValue = "false") boolean cutNext,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public ResiduumTraining {
        RecordParameters.check(ResiduumTraining.class, numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, cutPrev, cutNext, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        Require.that(timeLevelLoss == null || timeLevelLoss.acceptsSingleInput(), "timeLevelLoss",
                "must accept a single input (the residuum); " + timeLevelLoss + " needs a target");
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r steps, every other option at its default. */
    public static ResiduumTraining of(int numRolloutSteps) {
        return new ResiduumTraining(numRolloutSteps, null, false, 1, false, false, null);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public ResiduumTraining withCutBptt(int every) {
        return new ResiduumTraining(numRolloutSteps, timeLevelLoss, true, every, cutPrev, cutNext, timeLevelWeights);
    }

    /** The same with the given residuum input cuts. */
    public ResiduumTraining withCuts(boolean prev, boolean next) {
        return new ResiduumTraining(numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, prev, next, timeLevelWeights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(1, numRolloutSteps + 1, false, true);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        State previous = ops.data(0);
        List<Scalar> terms = new ArrayList<>();
        for (int t = 0; t < numRolloutSteps; t++) {
            State next = ops.network(previous);
            State residuum = ops.residuum(cutNext ? ops.stopGradient(next) : next,
                    cutPrev ? ops.stopGradient(previous) : previous);
            terms.add(ops.loss(timeLevelLoss, residuum));
            previous = Options.cutsAfter(cutBptt, cutBpttEvery, t) ? ops.stopGradient(next) : next;
        }
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
