package dev.trainax.api.engine;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled training problem: evaluates the configuration's loss, and its exact gradient, for
 * given parameters on a batch of windows {@code (batch, timeLevels, channels, *space)}. Not
 * thread-safe; close it to release the engine's resources.
 */
public interface Objective extends AutoCloseable {

    /** What a batch must contain. */
    DataRequirement dataRequirement();

    /** The loss alone. */
    double loss(Parameters parameters, INDArray windows);

    /** The loss and its gradient with respect to every parameter. */
    LossAndGradient lossAndGradient(Parameters parameters, INDArray windows);

    /** Releases the compiled graphs. */
    @Override
    void close();
}
