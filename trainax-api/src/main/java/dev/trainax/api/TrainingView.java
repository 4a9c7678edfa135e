package dev.trainax.api;

/** What a {@link Callback} can read about the training run at one update step. */
public interface TrainingView {

    /** The index of the update step about to be taken, from 0. */
    int updateStep();

    /** The current parameters (read-only by convention: do not modify them). */
    Parameters parameters();

    /** The training loss of the current minibatch, before the update. */
    double loss();
}
