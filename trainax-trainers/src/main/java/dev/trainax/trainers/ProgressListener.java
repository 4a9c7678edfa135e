package dev.trainax.trainers;

/** Receives one report per update step, e.g. to draw a progress bar (the CLI does). */
@FunctionalInterface
public interface ProgressListener {

    /**
     * One update step's progress.
     *
     * @param step           the update step just taken, from 0
     * @param numTrainingSteps total update steps of the run
     * @param epoch          the epoch of the step's minibatch
     * @param batch          the minibatch within the epoch
     * @param loss           the minibatch loss before the update
     * @param stepsPerSecond update steps per second so far
     */
    record Progress(int step, int numTrainingSteps, int epoch, int batch, double loss, double stepsPerSecond) {
    }

    /** Called after each update step. */
    void onStep(Progress progress);

    /** Reports nothing. */
    ProgressListener NONE = progress -> { };
}
