package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/**
 * The pushforward trick as Brandstetter, Worrall and Welling (ICLR 2022) train it: per batch, a
 * number k drawn uniformly from {0, …, K} every update step, k network steps without gradient, then
 * one step with loss and gradient.
 * <pre>
 *   u⁰ ─f→ û¹ … ─f→ ûᵏ ‖cut‖ ─f→ ûᵏ⁺¹        loss = l(ûᵏ⁺¹, uᵏ⁺¹),  k ~ U{0..K} per step
 * </pre>
 * Each k is {@link Pushforward} with k + 1 steps and one gradient step; the engine compiles one
 * program per k met. {@code maxPushSteps = 0} is one-step {@link Supervised}. Needs windows of K + 2
 * levels.
 *
 * @param maxPushSteps  K ≥ 0, the most steps without gradient (default 2)
 * @param timeLevelLoss the loss (default MSE)
 */
public record RandomPushforward(
        @Param(value = "the most network steps without gradient, K; k is drawn from 0..K per update step", defaultValue = "2", min = 0) int maxPushSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss)
        implements Configuration {

    /** Validates against the declarations. */
    public RandomPushforward {
        RecordParameters.check(RandomPushforward.class, maxPushSteps, timeLevelLoss);
        Options.steps("maxPushSteps", maxPushSteps);
    }

    /** Up to K steps without gradient, the default loss. */
    public static RandomPushforward of(int maxPushSteps) {
        return new RandomPushforward(maxPushSteps, null);
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(maxPushSteps + 2, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        int pushSteps = ops.randomInt(maxPushSteps + 1);
        return new Pushforward(pushSteps + 1, 1, timeLevelLoss, null).loss(ops);
    }
}
