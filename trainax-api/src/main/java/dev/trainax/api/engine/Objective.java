package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled training problem: evaluates the configuration's loss, and its exact gradient, for
 * given parameters on a batch of windows {@code (batch, timeLevels, channels, *space)}. Not
 * thread-safe; close it to release the engine's resources.
 */
@API(status = EXPERIMENTAL, since = "0.1")
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
