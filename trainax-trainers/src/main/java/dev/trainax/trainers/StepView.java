package dev.trainax.trainers;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.TrainingView;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.internal.Require;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A member's step as callbacks see it; other configurations are compiled once per run. */
final class StepView implements TrainingView {
    private final RunPlan plan;
    private final int step;
    private final Parameters parameters;
    private final LossAndGradient result;
    private final INDArray batch;
    private final double learningRate;
    private final Map<Configuration, Objective> objectives;
    private final Stepper network;
    private String stopReason;
    private boolean diverged;

    StepView(RunPlan plan, int step, Parameters parameters, LossAndGradient result, INDArray batch,
             double learningRate, Map<Configuration, Objective> objectives, Stepper network) {
        this.plan = plan;
        this.step = step;
        this.parameters = parameters;
        this.result = result;
        this.batch = batch;
        this.learningRate = learningRate;
        this.objectives = objectives;
        this.network = network;
    }

    @Override
    public int updateStep() {
        return step;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public double loss() {
        return result.loss();
    }

    @Override
    public Parameters gradient() {
        return result.gradient();
    }

    @Override
    public INDArray batch() {
        return batch;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public LossAndGradient evaluate(Configuration other) {
        Require.present("configuration", other);
        Objective objective = objectives.computeIfAbsent(other,
                c -> plan.engine().compile(plan.problem(c, network, parameters)));
        return objective.lossAndGradient(parameters, batch);
    }

    @Override
    public void stop(String reason) {
        this.stopReason = Require.present("reason", reason);
    }

    @Override
    public void stopDiverged(String reason) {
        stop(reason);
        diverged = true;
    }

    /** Whether the stop was a divergence. */
    boolean diverged() {
        return diverged;
    }

    String stopReason() {
        return stopReason;
    }
}
