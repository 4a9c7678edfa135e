package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingProgress;
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

    /** The loss alone, at {@link TrainingProgress#START}. */
    double loss(Parameters parameters, INDArray windows);

    /** The loss and its gradient with respect to every parameter, at {@link TrainingProgress#START}. */
    LossAndGradient lossAndGradient(Parameters parameters, INDArray windows);

    /**
     * The loss at one update step of a run: the program written for {@code progress}, its random
     * inputs drawn from the progress's seed and step. The default ignores the progress, as engines
     * without stochastic or scheduled programs may.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default double loss(Parameters parameters, INDArray windows, TrainingProgress progress) {
        return loss(parameters, windows);
    }

    /** The loss and its gradient at one update step of a run; see {@link #loss(Parameters, INDArray, TrainingProgress)}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    default LossAndGradient lossAndGradient(Parameters parameters, INDArray windows, TrainingProgress progress) {
        return lossAndGradient(parameters, windows);
    }

    /** Releases the compiled graphs. */
    @Override
    void close();
}
