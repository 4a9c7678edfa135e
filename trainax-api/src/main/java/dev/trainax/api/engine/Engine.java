package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;

/** Executes configurations' loss programs and their gradients. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Engine {

    /**
     * Compiles a training problem once; the result serves any number of batches.
     *
     * @throws IllegalArgumentException if the problem is inconsistent (shapes, missing steppers)
     */
    Objective compile(TrainingProblem problem);

    /**
     * Compiles a training problem for {@code members} independent parameter sets of the problem's
     * network, evaluated together (seed-parallel training). A network that is a
     * {@link dev.trainax.api.MemberBatchedNetwork} should be evaluated for all members in one
     * batched computation; each member's loss and gradient equal its separate evaluation.
     *
     * @throws IllegalArgumentException if {@code members < 1} or the problem is inconsistent
     */
    EnsembleObjective compileEnsemble(TrainingProblem problem, int members);

    /**
     * Compiles one step of {@code stepper} with fixed {@code parameters} (empty for parameter-free
     * steppers) for forward use on states of shape {@code (batch, *stateShape)}.
     *
     * @throws IllegalArgumentException if {@code stateShape} has an axis of size &lt; 1 or the stepper
     *                                  refuses it ({@link Stepper#checkState}), before a graph is built
     */
    Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType);
}
