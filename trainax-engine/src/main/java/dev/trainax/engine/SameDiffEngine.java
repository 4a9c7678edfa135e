package dev.trainax.engine;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import dev.trainax.engine.direct.DirectExecutor;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the whole loss program of a problem as one SameDiff graph: data windows are a placeholder
 * with a dynamic batch axis, parameters are graph variables, cuts are {@code StopGradient} ops.
 * One graph serves every batch; measured cost grows linearly with rollout length for conv and MLP
 * steppers (see the project notes). Random inputs are placeholders filled each update step; a
 * program that changes with the step is compiled once per structure and cached ({@link ProgramCache}).
 */
final class SameDiffEngine implements Engine {

    /** How compiled graphs run. */
    enum Execution {
        /** Through a {@link DirectExecutor} where the graph allows it (no control flow), else SameDiff's session. */
        DIRECT,
        /** Always through SameDiff's own session. */
        SESSION
    }

    /**
     * The engine's settings, which are its plugin parameters.
     *
     * @param execution    how compiled graphs run (default direct)
     * @param gcIntervalMs least milliseconds between the garbage collections direct execution
     *                     requests, 0 for none (default 2000; see {@link DirectExecutor})
     */
    record Options(
            @Param(value = "how compiled graphs run: direct (the fast executor) or session (SameDiff's own)",
                    defaultValue = "direct") Execution execution,
            @Param(value = "least milliseconds between the garbage collections direct execution requests; 0: none",
                    defaultValue = "2000", min = 0) int gcIntervalMs) {

        /** Validates against the declarations. */
        Options {
            RecordParameters.check(Options.class, execution, gcIntervalMs);
            Require.present("execution", execution);
        }

        /** Every option at its declared default. */
        static Options defaults() {
            return RecordParameters.of(Options.class, MethodHandles.lookup()).create(Map.of(), "samediff", null);
        }

        /** The direct executor of {@code outputs} of {@code graph}; null where SameDiff's session must run it. */
        DirectExecutor executor(SameDiff graph, List<String> outputs) {
            return execution == Execution.DIRECT ? DirectExecutor.forOutputs(graph, outputs, gcIntervalMs) : null;
        }
    }

    private final Options options;

    /** The engine with every option at its default: direct execution. */
    public SameDiffEngine() {
        this(Options.defaults());
    }

    /** The engine with the given options. */
    public SameDiffEngine(Options options) {
        this.options = Require.present("options", options);
    }

    /** The settings this engine runs with. */
    Options options() {
        return options;
    }

    @Override
    public Objective compile(TrainingProblem problem) {
        return new ProgramCache(problem, 1, options);
    }

    @Override
    public EnsembleObjective compileEnsemble(TrainingProblem problem, int members) {
        return new ProgramCache(problem, members, options);
    }

    @Override
    public Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType) {
        return new GraphRollout(stepper, parameters, stateShape, dataType, options);
    }
}
