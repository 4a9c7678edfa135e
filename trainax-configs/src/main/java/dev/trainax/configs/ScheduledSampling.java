package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled sampling (Bengio, Vinyals, Jaitly and Shazeer, 2015): a supervised rollout in which,
 * before every network step and for every sample, the reference data replaces the prediction with
 * a probability p that decays over the training; the draws are fresh every update step.
 * <pre>
 *   u⁰ ─f→ û¹ ─┬─f→ û² ─┬─f→ …        input of step t: uᵗ with probability p(x), else ûᵗ (per sample)
 *             u¹       u²             loss = Σₜ wₜ · l(ûᵗ, uᵗ)
 *   linear:          p(x) = p₀ + (p₁ − p₀) · x
 *   exponential:     p(x) = p₁ + (p₀ − p₁) · e^(−s·x)
 *   inverse-sigmoid: p(x) = p₁ + (p₀ − p₁) · (1 + s) / (s + e^(s·x))      x = updateStep / numUpdateSteps
 * </pre>
 * p = 1 is {@link TeacherForcing} with a reset every step, p = 0 is {@link Supervised}. Needs
 * windows of r + 1 levels.
 *
 * @param numRolloutSteps  r ≥ 1 (default 5)
 * @param decay            how p decays: linear, exponential or inverse-sigmoid (default linear)
 * @param startProbability p₀ in [0, 1], at the first update step (default 1)
 * @param endProbability   p₁ in [0, 1], reached at the end (linear) or approached (default 0)
 * @param sharpness        s &gt; 0 of the exponential and inverse-sigmoid decays (default 5)
 * @param timeLevelLoss    the loss per level (default MSE)
 * @param timeLevelWeights r weights (default ones)
 */
public record ScheduledSampling(
        @Param(value = "network applications along the main chain", defaultValue = "5", min = 1) int numRolloutSteps,
        @Param(value = "how the probability of feeding the data decays: linear, exponential or inverse-sigmoid", defaultValue = "linear") Decay decay,
        @Param(value = "probability of feeding the data at the first update step", defaultValue = "1", min = 0, max = 1) double startProbability,
        @Param(value = "probability of feeding the data at the end of training", defaultValue = "0", min = 0, max = 1) double endProbability,
        @Param(value = "sharpness s of the exponential and inverse-sigmoid decays", defaultValue = "5", min = 0, minExclusive = true) double sharpness,
        @Param(value = "the time-level loss; null: the run's default loss (MSE)", defaultValue = "mse") TimeLevelLoss timeLevelLoss,
        @Param(value = "one weight per rollout step; ones if absent", optional = true) double[] timeLevelWeights)
        implements Configuration {

    /** How the probability of feeding the reference data decays over the training. */
    public enum Decay {
        /** Linearly from the start to the end probability. */
        LINEAR,
        /** Exponentially from the start towards the end probability. */
        EXPONENTIAL,
        /** Along an inverse sigmoid from the start towards the end probability. */
        INVERSE_SIGMOID
    }

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public ScheduledSampling {
        RecordParameters.check(ScheduledSampling.class, numRolloutSteps, decay, startProbability, endProbability,
                sharpness, timeLevelLoss, timeLevelWeights);
        Options.steps("numRolloutSteps", numRolloutSteps);
        timeLevelWeights = Options.weights("timeLevelWeights", timeLevelWeights, numRolloutSteps,
                "one per rollout step, numRolloutSteps");
    }

    /** r steps, p decaying linearly from {@code startProbability} to {@code endProbability}, other options at their defaults. */
    public static ScheduledSampling linear(int numRolloutSteps, double startProbability, double endProbability) {
        return new ScheduledSampling(numRolloutSteps, Decay.LINEAR, startProbability, endProbability, 5, null, null);
    }

    /** The same with another decay and sharpness. */
    public ScheduledSampling withDecay(Decay value, double newSharpness) {
        return new ScheduledSampling(numRolloutSteps, value, startProbability, endProbability, newSharpness,
                timeLevelLoss, timeLevelWeights);
    }

    @Override
    public double[] timeLevelWeights() {
        return timeLevelWeights.clone();
    }

    /** The probability of feeding the reference data at {@code progress}. */
    public double dataProbability(TrainingProgress progress) {
        double x = progress.fraction();
        double decayed = switch (decay) {
            case LINEAR -> 1 - x;
            case EXPONENTIAL -> Math.exp(-sharpness * x);
            case INVERSE_SIGMOID -> (1 + sharpness) / (sharpness + Math.exp(sharpness * x));
        };
        // clamped against rounding just outside [0, 1]
        return Math.min(1, Math.max(0, endProbability + (startProbability - endProbability) * decayed));
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(numRolloutSteps + 1, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        double p = dataProbability(ops.progress());
        List<Scalar> terms = new ArrayList<>();
        State prediction = ops.network(ops.data(0));
        terms.add(ops.loss(timeLevelLoss, prediction, ops.data(1)));
        for (int t = 1; t < numRolloutSteps; t++) {
            prediction = ops.network(ops.randomSelect(p, ops.data(t), prediction));
            terms.add(ops.loss(timeLevelLoss, prediction, ops.data(t + 1)));
        }
        return ops.weightedSum(timeLevelWeights, terms);
    }
}
