package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingProgress;
import java.util.List;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training problem for several independent members (networks of one architecture with their
 * own parameters, e.g. differently seeded), evaluated together in one computation on the same
 * batch: the Java analogue of vmapping a Trainax trainer over initialisation keys. Member losses
 * and gradients equal those of separate {@link Objective}s.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface EnsembleObjective extends AutoCloseable {

    /** Number of members. */
    int members();

    /** What a batch must contain. */
    DataRequirement dataRequirement();

    /** Each member's loss, at {@link TrainingProgress#START}. */
    double[] losses(List<Parameters> parameters, INDArray windows);

    /** Each member's loss and gradient, at {@link TrainingProgress#START}. */
    List<LossAndGradient> lossesAndGradients(List<Parameters> parameters, INDArray windows);

    /**
     * Each member's loss and gradient at one update step of a run (every member draws the same
     * random inputs); the default ignores the progress, see
     * {@link Objective#loss(Parameters, INDArray, TrainingProgress)}.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default List<LossAndGradient> lossesAndGradients(List<Parameters> parameters, INDArray windows,
                                                     TrainingProgress progress) {
        return lossesAndGradients(parameters, windows);
    }

    /** Releases the compiled graph. */
    @Override
    void close();
}
