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
public record DivertedChainBranchOne(int numRolloutSteps, TimeLevelLoss timeLevelLoss, boolean cutBptt,
                                     int cutBpttEvery, boolean cutDivChain, double[] timeLevelWeights)
        implements Configuration {

    /** Validates and fills defaults ({@code null} loss or weights). */
    public DivertedChainBranchOne {
        Require.atLeast("numRolloutSteps", numRolloutSteps, 1);
        Require.atLeast("cutBpttEvery", cutBpttEvery, 1);
        timeLevelLoss = timeLevelLoss == null ? Options.defaultLoss() : timeLevelLoss;
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
        return new DataRequirement(1, true, false);
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
