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
 * Supervised rollout whose main chain is reset to the reference data every {@code resetEvery}
 * steps (teacher forcing), listed as a to-do in Trainax's documentation.
 * <pre>
 *   u⁰ ─f→ û¹ ─f→ û² │reset│ u² ─f→ û³ ─f→ û⁴ │reset│ u⁴ …   (resetEvery = 2)
 *   loss = Σₜ wₜ · l(ûᵗ, uᵗ)
 * </pre>
 * A reset takes the data's value, so no gradient flows past it; BPTT cuts can be added between
 * resets. {@code resetEvery = 1} is one-step supervised training on every level; {@code resetEvery ≥ r}
 * is plain {@link Supervised}. Needs windows of r + 1 levels.
 *
 * @param numRolloutSteps  r ≥ 1
 * @param resetEvery       reset after every k-th step, k ≥ 1
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param cutBptt          stop gradients along the chain between resets (default false)
 * @param cutBpttEvery     cut after every k-th step (default 1)
 * @param timeLevelWeights r weights (default ones)
 */
public record TeacherForcing(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "reset the chain to the data after every k-th step", defaultValue = "1", min = 1) int resetEvery,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "stop gradients along the chain between resets", defaultValue = "false") boolean cutBptt,
        @Param(value = "cut after every k-th step", defaultValue = "1", min = 1) int cutBpttEvery,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public TeacherForcing {
        RecordParameters.check(TeacherForcing.class, numRolloutSteps, resetEvery, timeLevelLoss, cutBptt, cutBpttEvery, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r steps with a reset every k steps, every other option at its default. */
    public static TeacherForcing of(int numRolloutSteps, int resetEvery) {
        return new TeacherForcing(numRolloutSteps, resetEvery, null, false, 1, null);
    }

    /** The same with BPTT cut after every {@code every}-th step. */
    public TeacherForcing withCutBptt(int every) {
        return new TeacherForcing(numRolloutSteps, resetEvery, timeLevelLoss, true, every, timeLevelWeights);
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
        // segments of resetEvery steps, each restarted from the data; the last may be shorter
        for (int start = 0; start < numRolloutSteps; start += resetEvery) {
            Options.unroll(ops, timeLevelLoss, ops.data(start), start, Math.min(resetEvery, numRolloutSteps - start),
                    cutBptt, cutBpttEvery, terms);
        }
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
