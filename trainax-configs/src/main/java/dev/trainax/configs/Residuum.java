package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Require;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
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
public record Residuum(int numRolloutSteps, TimeLevelLoss timeLevelLoss, boolean cutBptt, int cutBpttEvery,
                       boolean cutPrev, boolean cutNext, double[] timeLevelWeights) implements Configuration {

    /** Validates and fills defaults ({@code null} loss or weights). */
    public Residuum {
        Require.atLeast("numRolloutSteps", numRolloutSteps, 1);
        Require.atLeast("cutBpttEvery", cutBpttEvery, 1);
        timeLevelLoss = timeLevelLoss == null ? Options.defaultLoss() : timeLevelLoss;
        Require.that(timeLevelLoss.acceptsSingleInput(), "timeLevelLoss",
                "must accept a single input (the residuum); " + timeLevelLoss + " needs a target");
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r steps, every other option at its default. */
    public static Residuum of(int numRolloutSteps) {
        return new Residuum(numRolloutSteps, null, false, 1, false, false, null);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public Residuum withCutBptt(int every) {
        return new Residuum(numRolloutSteps, timeLevelLoss, true, every, cutPrev, cutNext, timeLevelWeights);
    }

    /** The same with the given residuum input cuts. */
    public Residuum withCuts(boolean prev, boolean next) {
        return new Residuum(numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, prev, next, timeLevelWeights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(1, false, true);
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
