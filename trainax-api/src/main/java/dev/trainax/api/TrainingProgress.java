package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.internal.Require;
import org.apiguardian.api.API;

/**
 * Where a run stands when a configuration writes its program: the run's seed and the update step
 * out of the run's total. Engines derive every random value of a step from {@code (seed,
 * updateStep)} alone, so a run is reproducible and a resumed run draws what an uninterrupted one
 * would, without stored generator state.
 *
 * @param seed           the run's seed
 * @param updateStep     the update step being taken, in {@code [0, numUpdateSteps)}
 * @param numUpdateSteps the run's update steps, ≥ 1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrainingProgress(long seed, int updateStep, int numUpdateSteps) {

    /**
     * The first step of a one-step run with seed 0: what an evaluation outside training sees (a
     * full-data loss, a kit check).
     */
    public static final TrainingProgress START = new TrainingProgress(0, 0, 1);

    /** Checks the step against the total. */
    public TrainingProgress {
        Require.atLeast("numUpdateSteps", numUpdateSteps, 1);
        Require.that(updateStep >= 0 && updateStep < numUpdateSteps, "updateStep",
                "must be in [0, numUpdateSteps = " + numUpdateSteps + "), got " + updateStep);
    }

    /** The fraction of training done before this step, {@code updateStep / numUpdateSteps} in {@code [0, 1)}. */
    public double fraction() {
        return (double) updateStep / numUpdateSteps;
    }
}
