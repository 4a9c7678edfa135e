package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.engine.LossAndGradient;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link Callback} sees at one update step, before the update is applied (as Trainax runs
 * its callbacks): the parameters, the minibatch, its loss and gradient, and the means to evaluate
 * other configurations or to stop training.
 */
@API(status = STABLE, since = "0.1")
public interface TrainingView {

    /** The index of the update step about to be taken, from 0. */
    int updateStep();

    /** The current parameters (read-only: do not modify them). */
    Parameters parameters();

    /** The training loss of the current minibatch, before the update. */
    double loss();

    /** The training gradient of the current minibatch (read-only). */
    Parameters gradient();

    /** The current minibatch of windows {@code (batch, timeLevels, *state)} (read-only). */
    INDArray batch();

    /** The learning rate the optimizer applies at this step. */
    double learningRate();

    /**
     * Another configuration's loss and gradient on the current minibatch with the current
     * parameters (same network, reference stepper and residuum as training).
     *
     * @throws IllegalArgumentException if the minibatch has fewer time levels than it needs
     */
    LossAndGradient evaluate(Configuration configuration);

    /** Ends training before this step's update; {@code reason} is reported in the result. */
    void stop(String reason);

    /**
     * Ends training before this step's update because it diverged (a non-finite loss or gradient):
     * the run is reported as failed, with the parameters before this step as the last finite ones.
     * Trainers that cannot tell the two apart treat it as {@link #stop}.
     */
    default void stopDiverged(String reason) {
        stop(reason);
    }
}
