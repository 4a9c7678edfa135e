package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/**
 * A rollout curriculum (as GraphCast and others train): {@link Supervised} training whose rollout
 * length grows linearly with the update step, from {@code startRolloutSteps} at the first step to
 * {@code endRolloutSteps} once {@code rampFraction} of the training is done.
 * <pre>
 *   r(x) = r₀ + ⌊(r₁ − r₀) · min(1, x / rampFraction)⌋,   x = updateStep / numUpdateSteps
 *   u⁰ ─f→ û¹ ─f→ … ─f→ û^r(x)        loss = Σₜ l(ûᵗ, uᵗ), t = 1..r(x)
 * </pre>
 * The engine compiles one program per length met (at most r₁ − r₀ + 1). Equal start and end
 * lengths are {@link Supervised}. Needs windows of r₁ + 1 levels.
 *
 * @param startRolloutSteps r₀ ≥ 1 (default 1)
 * @param endRolloutSteps   r₁ ≥ r₀ (default 5)
 * @param rampFraction      the fraction of training over which the length grows, in (0, 1] (default 0.5)
 * @param timeLevelLoss     the loss per level (default MSE)
 */
public record Curriculum(
        @Param(value = "rollout steps at the first update step", defaultValue = "1", min = 1) int startRolloutSteps,
        @Param(value = "rollout steps once the ramp is done, ≥ startRolloutSteps", defaultValue = "5", min = 1) int endRolloutSteps,
        @Param(value = "fraction of training over which the rollout grows", defaultValue = "0.5", min = 0, minExclusive = true, max = 1) double rampFraction,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss)
        implements Configuration {

    /** Validates against the declarations. */
    public Curriculum {
        RecordParameters.check(Curriculum.class, startRolloutSteps, endRolloutSteps, rampFraction, timeLevelLoss);
        Options.steps("endRolloutSteps", endRolloutSteps);
        Require.that(endRolloutSteps >= startRolloutSteps, "endRolloutSteps",
                "must be ≥ startRolloutSteps = " + startRolloutSteps + ", got " + endRolloutSteps);
    }

    /** From r₀ to r₁ steps over {@code rampFraction} of the training, the default loss. */
    public static Curriculum of(int startRolloutSteps, int endRolloutSteps, double rampFraction) {
        return new Curriculum(startRolloutSteps, endRolloutSteps, rampFraction, null);
    }

    /** The rollout length at {@code progress}. */
    public int rolloutSteps(TrainingProgress progress) {
        double ramp = Math.min(1.0, progress.fraction() / rampFraction);
        return startRolloutSteps + (int) Math.floor((endRolloutSteps - startRolloutSteps) * ramp);
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(endRolloutSteps + 1, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        return new Supervised(rolloutSteps(ops.progress()), timeLevelLoss, false, 1, null).loss(ops);
    }
}
