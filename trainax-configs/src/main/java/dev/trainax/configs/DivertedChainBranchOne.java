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
 * Diverted chain with branches of one step: at every state of the network's rollout, one reference
 * step is the target of the next network step.
 * <pre>
 *   u⁰ ─f→ û¹ ─f→ û² … ─f→ ûʳ
 *    └P→ ũ¹  └P→ ũ²       ũʳ         loss = Σₜ wₜ · l(ûᵗ, ũᵗ),  ũᵗ = P(ûᵗ⁻¹)
 * </pre>
 * Needs only the initial condition and a reference stepper.
 *
 * @param numRolloutSteps  r ≥ 1 (default 1)
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param cutBptt          stop gradients along the main chain (default false)
 * @param cutBpttEvery     cut after every k-th step (default 1)
 * @param cutDivChain      stop gradients through the reference step (default false)
 * @param timeLevelWeights r weights (default ones)
 */
public record DivertedChainBranchOne(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the main chain", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "stop gradients through the reference step", defaultValue = "false") boolean cutDivChain,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public DivertedChainBranchOne {
        RecordParameters.check(DivertedChainBranchOne.class, numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, cutDivChain, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r steps, every other option at its default. */
    public static DivertedChainBranchOne of(int numRolloutSteps) {
        return new DivertedChainBranchOne(numRolloutSteps, null, false, 1, false, null);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public DivertedChainBranchOne withCutBptt(int every) {
        return new DivertedChainBranchOne(numRolloutSteps, timeLevelLoss, true, every, cutDivChain, timeLevelWeights);
    }

    /** The same with the reference step cut. */
    public DivertedChainBranchOne withCutDivChain() {
        return new DivertedChainBranchOne(numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, true,
                timeLevelWeights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(1, numRolloutSteps + 1, true, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        State prediction = ops.data(0);
        List<Scalar> terms = new ArrayList<>();
        for (int t = 0; t < numRolloutSteps; t++) {
            // cutting the reference's input gives the same gradient as cutting its output, and the
            // reference then never needs a gradient
            State reference = ops.reference(cutDivChain ? ops.stopGradient(prediction) : prediction);
            prediction = ops.network(prediction);
            terms.add(ops.loss(timeLevelLoss, prediction, reference));
            if (Options.cutsAfter(cutBptt, cutBpttEvery, t)) {
                prediction = ops.stopGradient(prediction);
            }
        }
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
