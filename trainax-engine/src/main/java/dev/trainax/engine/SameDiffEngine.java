package dev.trainax.engine;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.Rollout;
import org.nd4j.linalg.api.buffer.DataType;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;

/**
 * Builds the whole loss program of a problem as one SameDiff graph: data windows are a placeholder
 * with a dynamic batch axis, parameters are graph variables, cuts are {@code StopGradient} ops.
 * One graph serves every batch; measured cost grows linearly with rollout length for conv and MLP
 * steppers (see the project notes).
 */
final class SameDiffEngine implements Engine {

    @Override
    public Objective compile(TrainingProblem problem) {
        return GraphObjective.compile(problem, 1);
    }

    @Override
    public EnsembleObjective compileEnsemble(TrainingProblem problem, int members) {
        return GraphObjective.compile(problem, members);
    }

    @Override
    public Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType) {
        return new GraphRollout(stepper, parameters, stateShape, dataType);
    }
}
