package dev.trainax.api;

/**
 * What a configuration needs to run: how many time levels of each data window it reads
 * ({@code numRolloutSteps + 1} for supervised training, 1 when only the initial condition is used)
 * and whether a reference stepper or a residuum must be supplied.
 *
 * @param numTimeLevels    time levels per window read through {@link RolloutOps#data(int)}, at least 1
 * @param referenceStepper whether {@link RolloutOps#reference(State)} is used
 * @param residuum         whether {@link RolloutOps#residuum(State, State)} is used
 */
public record DataRequirement(int numTimeLevels, boolean referenceStepper, boolean residuum) {

    /** Validates the time level count. */
    public DataRequirement {
        Require.atLeast("numTimeLevels", numTimeLevels, 1);
    }

    /** Combines two requirements, as a composite of both configurations needs. */
    public DataRequirement union(DataRequirement other) {
        return new DataRequirement(Math.max(numTimeLevels, other.numTimeLevels),
                referenceStepper || other.referenceStepper, residuum || other.residuum);
    }

    /** Whether windows of only the initial condition suffice. */
    public boolean onlyInitialCondition() {
        return numTimeLevels == 1;
    }
}
