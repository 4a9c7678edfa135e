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
 * Diverted-chain training: from every state of the network's main chain a branch of
 * {@code numBranchSteps} steps runs the network beside the reference stepper, and the two are
 * compared at every branch level.
 * <pre>
 *   main:   u⁰ ─f→ û¹ ─f→ û² …            (r − b + 1 branch starts)
 *   branch from ûᵗ:  ─f→ ─f→ … (b steps)
 *                    ─P→ ─P→ … (b steps)   loss += wₜ · v_β · l(f-branch_β, P-branch_β)
 * </pre>
 * Contains {@link Supervised} (b = r, data produced by P) and {@link DivertedChainBranchOne}
 * (b = 1) as special cases. Needs only the initial condition and a reference stepper.
 *
 * @param numRolloutSteps    main-chain length r ≥ 1 (default 1)
 * @param numBranchSteps     branch length 1 ≤ b ≤ r (default 1)
 * @param timeLevelLoss      the loss per level (default MSE)
 * @param cutBptt            stop gradients along main chain and branches (default false)
 * @param cutBpttEvery       cut after every k-th step counted from the initial condition (default 1)
 * @param cutDivChain        stop gradients into the reference branch (default false)
 * @param timeLevelWeights   r weights indexed by branch start; only the first r − b + 1 are used (default ones)
 * @param branchLevelWeights b weights indexed by branch level (default ones)
 */
public record DivertedChain(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "length of each branch, ≤ numRolloutSteps", defaultValue = "1", min = 1) int numBranchSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the main chain", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "stop gradients into the reference branch", defaultValue = "false") boolean cutDivChain,
        @Param(value = "one weight per branch start; ones if absent", optional = true) double[] timeLevelWeights,
        @Param(value = "one weight per branch level; ones if absent", optional = true) double[] branchLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public DivertedChain {
        RecordParameters.check(DivertedChain.class, numRolloutSteps, numBranchSteps, timeLevelLoss, cutBptt, cutBpttEvery, cutDivChain, timeLevelWeights, branchLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        Require.that(numBranchSteps <= numRolloutSteps, "numBranchSteps",
                "must be ≤ numRolloutSteps = " + numRolloutSteps + ", got " + numBranchSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
        branchLevelWeights = Options.weights("branchLevelWeights", branchLevelWeights, numBranchSteps,
                "one per branch step, numBranchSteps");
    }

    /** r-step main chain with b-step branches, every other option at its default. */
    public static DivertedChain of(int numRolloutSteps, int numBranchSteps) {
        return new DivertedChain(numRolloutSteps, numBranchSteps, null, false, 1, false, null, null);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public DivertedChain withCutBptt(int every) {
        return new DivertedChain(numRolloutSteps, numBranchSteps, timeLevelLoss, true, every, cutDivChain,
                timeLevelWeights, branchLevelWeights);
    }

    /** The same with the diverted (reference) chain cut. */
    public DivertedChain withCutDivChain() {
        return new DivertedChain(numRolloutSteps, numBranchSteps, timeLevelLoss, cutBptt, cutBpttEvery, true,
                timeLevelWeights, branchLevelWeights);
    }

    /** The same with another time-level loss. */
    public DivertedChain withLoss(TimeLevelLoss loss) {
        return new DivertedChain(numRolloutSteps, numBranchSteps, loss, cutBptt, cutBpttEvery, cutDivChain,
                timeLevelWeights, branchLevelWeights);
    }

    /** The same with other weights ({@code null} keeps ones). */
    public DivertedChain withWeights(double[] timeLevel, double[] branchLevel) {
        return new DivertedChain(numRolloutSteps, numBranchSteps, timeLevelLoss, cutBptt, cutBpttEvery, cutDivChain,
                timeLevel, branchLevel);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public double[] branchLevelWeights() {
        return branchLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(1, numRolloutSteps + 1, true, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        List<Scalar> terms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        State main = ops.data(0);
        for (int t = 0; t <= numRolloutSteps - numBranchSteps; t++) {
            State branchPrediction = main;
            State branchReference = cutDivChain ? ops.stopGradient(main) : main;
            for (int b = 0; b < numBranchSteps; b++) {
                branchPrediction = ops.network(branchPrediction);
                branchReference = ops.reference(branchReference);
                terms.add(ops.loss(timeLevelLoss, branchPrediction, branchReference));
                weights.add(timeLevelWeights[t] * branchLevelWeights[b]);
                if (Options.cutsAfter(cutBptt, cutBpttEvery, t + b)) {
                    branchPrediction = ops.stopGradient(branchPrediction);
                }
            }
            main = ops.network(main);
            if (Options.cutsAfter(cutBptt, cutBpttEvery, t)) {
                main = ops.stopGradient(main);
            }
        }
        return ops.weightedSum(weights.stream().mapToDouble(Double::doubleValue).toArray(), terms);
    }
}
