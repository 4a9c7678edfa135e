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
 * Pushforward training (Brandstetter et al.): roll out r steps, but let gradients and losses act
 * only on the last g steps; the first r − g steps only push the input distribution forward.
 * <pre>
 *   u⁰ ─f→ û¹ … ─f→ ûʳ⁻ᵍ ‖cut‖ ─f→ ûʳ⁻ᵍ⁺¹ … ─f→ ûʳ     loss = Σ_{j=1..g} wⱼ · l(ûʳ⁻ᵍ⁺ʲ, uʳ⁻ᵍ⁺ʲ)
 * </pre>
 * Needs windows of r + 1 levels.
 *
 * @param numRolloutSteps  r ≥ 1 (default 2)
 * @param numGradientSteps 1 ≤ g ≤ r trailing steps with loss and gradient (default 1)
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param timeLevelWeights g weights (default ones)
 */
public record Pushforward(
        @Param(value = "network applications along the main chain", defaultValue = "2", min = 1) int numRolloutSteps,
        @Param(value = "trailing steps with loss and gradient, ≤ numRolloutSteps", defaultValue = "1", min = 1) int numGradientSteps,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "one weight per gradient step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public Pushforward {
        RecordParameters.check(Pushforward.class, numRolloutSteps, numGradientSteps, timeLevelLoss, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        Require.that(numGradientSteps <= numRolloutSteps, "numGradientSteps",
                "must be ≤ numRolloutSteps = " + numRolloutSteps + ", got " + numGradientSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numGradientSteps,
                "one per gradient step, numGradientSteps");
    }

    /** r steps with loss and gradient on the last g, default loss and weights. */
    public static Pushforward of(int numRolloutSteps, int numGradientSteps) {
        return new Pushforward(numRolloutSteps, numGradientSteps, null, null);
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
        int pushSteps = numRolloutSteps - numGradientSteps;
        State prediction = ops.data(0);
        for (int t = 0; t < pushSteps; t++) {
            prediction = ops.network(prediction);
        }
        if (pushSteps > 0) {
            prediction = ops.stopGradient(prediction);
        }
        List<Scalar> terms = new ArrayList<>();
        Options.unroll(ops, timeLevelLoss, prediction, pushSteps, numGradientSteps, false, 1, terms);
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
