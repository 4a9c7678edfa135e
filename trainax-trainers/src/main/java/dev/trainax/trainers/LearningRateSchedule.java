package dev.trainax.trainers;

import dev.trainax.api.internal.Require;

/** The learning rate at each update step (from 0), as optax's schedules define it. */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate at update step {@code step}. */
    double at(int step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double rate) {
        Require.finite("learningRate", rate);
        return step -> rate;
    }

    /**
     * {@code init · decayRate^(step / transitionSteps)}, with an integer exponent if {@code staircase}
     * (optax.exponential_decay without begin and end values).
     */
    static LearningRateSchedule exponentialDecay(double init, int transitionSteps, double decayRate,
                                                 boolean staircase) {
        Require.finite("init", init);
        Require.atLeast("transitionSteps", transitionSteps, 1);
        Require.that(decayRate > 0, "decayRate", "must be > 0, got " + decayRate);
        return step -> {
            double exponent = (double) step / transitionSteps;
            return init * Math.pow(decayRate, staircase ? Math.floor(exponent) : exponent);
        };
    }

    /** {@code init · factor^⌊step / every⌋}: multiply by {@code factor} every {@code every} steps. */
    static LearningRateSchedule step(double init, double factor, int every) {
        Require.finite("init", init);
        Require.finite("factor", factor);
        Require.atLeast("every", every, 1);
        return step -> init * Math.pow(factor, Math.floor((double) step / every));
    }

    /**
     * Linear warm-up from {@code init} to {@code peak} over {@code warmupSteps}, then cosine decay to
     * {@code end} at {@code decaySteps} (counted from step 0, warm-up included), constant after
     * (optax.warmup_cosine_decay_schedule, as APEBench uses).
     */
    static LearningRateSchedule warmupCosine(double init, double peak, int warmupSteps, int decaySteps,
                                             double end) {
        Require.atLeast("warmupSteps", warmupSteps, 0);
        Require.that(decaySteps > warmupSteps, "decaySteps", "must be > warmupSteps = " + warmupSteps
                + ", got " + decaySteps);
        return step -> {
            if (step < warmupSteps) {
                return init + (peak - init) * step / warmupSteps;
            }
            double progress = Math.min(1.0, (double) (step - warmupSteps) / (decaySteps - warmupSteps));
            return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }
}
