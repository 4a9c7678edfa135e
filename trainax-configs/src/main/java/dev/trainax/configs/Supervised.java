package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Supervised unrolled training: roll the network out from the initial condition and compare step
 * {@code t} with the data's level {@code t}.
 * <pre>
 *   u⁰ ─f→ û¹ ─f→ û² … ─f→ ûʳ        loss = Σₜ wₜ · l(ûᵗ, uᵗ)
 *          │      │           │       (a BPTT cut after every cutBpttEvery-th step)
 *          u¹     u²          uʳ
 * </pre>
 * Needs windows of {@code numRolloutSteps + 1} levels; no reference stepper.
 *
 * @param numRolloutSteps  network applications r ≥ 1 (default 1)
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param cutBptt          whether to stop gradients along the main chain (default false)
 * @param cutBpttEvery     cut after every k-th step, k ≥ 1 (default 1)
 * @param timeLevelWeights r weights (default ones)
 */
public record Supervised(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the main chain", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public Supervised {
        RecordParameters.check(Supervised.class, numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r-step supervised rollout with every other option at its default. */
    public static Supervised of(int numRolloutSteps) {
        return new Supervised(numRolloutSteps, null, false, 1, null);
    }

    /** The same with another time-level loss. */
    public Supervised withLoss(TimeLevelLoss loss) {
        return new Supervised(numRolloutSteps, loss, cutBptt, cutBpttEvery, timeLevelWeights);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public Supervised withCutBptt(int every) {
        return new Supervised(numRolloutSteps, timeLevelLoss, true, every, timeLevelWeights);
    }

    /** The same with other time-level weights. */
    public Supervised withTimeLevelWeights(double... weights) {
        return new Supervised(numRolloutSteps, timeLevelLoss, cutBptt, cutBpttEvery, weights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(numRolloutSteps + 1, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        List<Scalar> terms = new ArrayList<>();
        Options.unroll(ops, timeLevelLoss, ops.data(0), 0, numRolloutSteps, cutBptt, cutBpttEvery, terms);
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
