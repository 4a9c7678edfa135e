package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.internal.Require;
import org.apiguardian.api.API;

/**
 * What a configuration needs to run: how many consecutive time levels of a trajectory one training
 * window spans, how many of them it reads ({@code numRolloutSteps + 1} for supervised training,
 * 1 when only the initial condition is used), and whether a reference stepper or a residuum must
 * be supplied. Trainax's window semantics: a window spans {@code numRolloutSteps + 1} levels even
 * when only its initial condition is read, so every methodology with r rollout steps trains on
 * the same windows.
 *
 * @param numTimeLevels    time levels per window read through {@link RolloutOps#data(int)}, at least 1
 * @param windowLength     consecutive trajectory levels one window spans, at least {@code numTimeLevels}
 * @param referenceStepper whether {@link RolloutOps#reference(State)} is used
 * @param residuum         whether {@link RolloutOps#residuum(State, State)} is used
 */
@API(status = STABLE, since = "0.1")
public record DataRequirement(int numTimeLevels, int windowLength, boolean referenceStepper, boolean residuum) {

    /** Validates the level counts. */
    public DataRequirement {
        Require.atLeast("numTimeLevels", numTimeLevels, 1);
        Require.that(windowLength >= numTimeLevels, "windowLength",
                "must be ≥ numTimeLevels = " + numTimeLevels + ", got " + windowLength);
    }

    /** A requirement whose windows span exactly the levels read. */
    public DataRequirement(int numTimeLevels, boolean referenceStepper, boolean residuum) {
        this(numTimeLevels, numTimeLevels, referenceStepper, residuum);
    }

    /** Combines two requirements, as a composite of both configurations needs. */
    public DataRequirement union(DataRequirement other) {
        return new DataRequirement(Math.max(numTimeLevels, other.numTimeLevels),
                Math.max(windowLength, other.windowLength), referenceStepper || other.referenceStepper,
                residuum || other.residuum);
    }

    /**
     * Checks that what this requirement names is given.
     *
     * @param configuration the configuration's name, for the message
     * @throws IllegalArgumentException naming {@code referenceStepper} or {@code residuum} if one is missing
     */
    public void requireSteppers(String configuration, Stepper reference, Residuum residuumFunction) {
        Require.that(!referenceStepper || reference != null, "referenceStepper",
                "is required by configuration " + configuration + " but none was given");
        Require.that(!residuum || residuumFunction != null, "residuum",
                "is required by configuration " + configuration + " but none was given");
    }

    /** Whether windows of only the initial condition suffice. */
    public boolean onlyInitialCondition() {
        return numTimeLevels == 1;
    }
}
