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
 * Supervised rollout from a noisy initial condition (input-noise injection, Sanchez-Gonzalez et
 * al. 2020): Gaussian noise, drawn afresh every update step, is added to the initial state; the
 * rollout is compared with the clean data.
 * <pre>
 *   u⁰ + σ·ε ─f→ û¹ ─f→ û² … ─f→ ûʳ        ε ~ N(0, I) per step and sample, no gradient
 *                 │      │          │       loss = Σₜ wₜ · l(ûᵗ, uᵗ)
 *                 u¹     u²         uʳ
 * </pre>
 * With {@code relativeNoise}, σ is relative to each sample's root mean square of {@code u⁰}.
 * {@code noiseStd = 0} is {@link Supervised}. Needs windows of r + 1 levels.
 *
 * @param numRolloutSteps  r ≥ 1 (default 1)
 * @param noiseStd         σ ≥ 0 (default 0.01)
 * @param relativeNoise    whether σ is relative to each sample's RMS of the initial state (default false)
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param timeLevelWeights r weights (default ones)
 */
public record NoisySupervised(
        @Param(value = "network applications along the main chain", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "standard deviation σ of the Gaussian noise on the initial state", defaultValue = "0.01", min = 0) double noiseStd,
        @Param(value = "σ relative to each sample's root mean square of the initial state", defaultValue = "false") boolean relativeNoise,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public NoisySupervised {
        RecordParameters.check(NoisySupervised.class, numRolloutSteps, noiseStd, relativeNoise, timeLevelLoss,
                timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r-step rollout from an initial state with absolute noise σ, every other option at its default. */
    public static NoisySupervised of(int numRolloutSteps, double noiseStd) {
        return new NoisySupervised(numRolloutSteps, noiseStd, false, null, null);
    }

    /** The same with σ relative to each sample's RMS of the initial state. */
    public NoisySupervised withRelativeNoise() {
        return new NoisySupervised(numRolloutSteps, noiseStd, true, timeLevelLoss, timeLevelWeights);
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
        State initial = ops.data(0);
        State noise = ops.normalNoise(initial);
        if (relativeNoise) {
            noise = ops.scaleByRms(noise, initial);
        }
        State noisy = ops.combine(new double[] {1.0, noiseStd}, List.of(initial, noise));
        List<Scalar> terms = new ArrayList<>();
        Options.unroll(ops, timeLevelLoss, noisy, 0, numRolloutSteps, false, 1, terms);
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
