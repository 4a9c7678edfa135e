package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Require;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.TimeLevelLoss;
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
public record TeacherForcing(int numRolloutSteps, int resetEvery, TimeLevelLoss timeLevelLoss, boolean cutBptt,
                             int cutBpttEvery, double[] timeLevelWeights) implements Configuration {

    /** Validates and fills defaults ({@code null} loss or weights). */
    public TeacherForcing {
        Require.atLeast("numRolloutSteps", numRolloutSteps, 1);
        Require.atLeast("resetEvery", resetEvery, 1);
        Require.atLeast("cutBpttEvery", cutBpttEvery, 1);
        timeLevelLoss = timeLevelLoss == null ? Options.defaultLoss() : timeLevelLoss;
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
