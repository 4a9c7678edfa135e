package dev.trainax.trainers;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update loop of one run of a {@link RunPlan}, for one or several members trained together:
 * per step it gathers a minibatch, evaluates loss and gradient, runs the callbacks on the
 * pre-update state, records the loss and applies the optimizer.
 */
final class TrainingLoop {

    private static final System.Logger LOG = System.getLogger(TrainingLoop.class.getName());

    private final RunPlan plan;
    private final TrainingOptions training;
    private final Optimizer optimizer;

    TrainingLoop(RunPlan plan) {
        this.plan = plan;
        this.training = plan.training();
        this.optimizer = plan.optimizer();
    }

    List<TrainingResult> run(Stepper network, List<Parameters> initials, long seed, OptimizerState state) {
        int numSteps = training.numTrainingSteps();
        int recordEvery = training.recordLossEvery();
        DataType dataType = training.dataType().type();
        TrajectorySubStacker windows = plan.windows();
        PermutationMixer mixer = new PermutationMixer(windows.numWindows(), numSteps, training.batchSize(), seed);
        if (mixer.fullBatchFallback()) {
            LOG.log(System.Logger.Level.INFO, "batch size {0} is larger than the {1} windows: training full batch",
                    training.batchSize(), windows.numWindows());
        }
        int count = initials.size();
        long size = initials.get(0).count();
        StackedMembers stacked = count > 1 && state == null && optimizer.elementwise()
                ? new StackedMembers(optimizer, count, size, dataType) : null;
        List<MemberRun> runs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            FlatParameters flat = stacked == null ? new FlatParameters(initials.get(k), dataType)
                    : new FlatParameters(initials.get(k), stacked.parameters(k));
            OptimizerState memberState = stacked != null ? stacked.state()
                    : state != null ? state.copy() : optimizer.init(flat.size(), dataType);
            runs.add(new MemberRun(flat, memberState, new double[recorded(numSteps, recordEvery)],
                    plan.callbacks()));
        }
        List<Parameters> parameters = runs.stream().map(r -> r.flat().parameters()).toList();
        Map<Configuration, Objective> otherObjectives = new IdentityHashMap<>();
        String stopReason = null;
        int stepsTaken = 0;
        long start = System.nanoTime();
        try (EnsembleObjective objective = plan.engine().compileEnsemble(plan.problem(network, initials.get(0)),
                count)) {
            for (int step = 0; step < numSteps && stopReason == null; step++) {
                PermutationMixer.Minibatch minibatch = mixer.minibatch(step);
                INDArray batch = windows.gather(minibatch.indices());
                List<LossAndGradient> results = objective.lossesAndGradients(parameters, batch);
                double lossSum = 0;
                for (int k = 0; k < count && stopReason == null; k++) {
                    MemberRun member = runs.get(k);
                    LossAndGradient result = results.get(k);
                    StepView view = new StepView(plan, step, member.flat().parameters(), result, batch,
                            optimizer.learningRate(member.state().steps()), otherObjectives, network);
                    stopReason = runCallbacks(view, member.history());
                    if (stopReason != null) {
                        stopReason = "stopped before update step " + step + (count > 1 ? " by member " + k : "")
                                + ": " + stopReason;
                        break;
                    }
                    if (!Double.isFinite(result.loss())) {
                        throw new IllegalStateException("loss is " + result.loss() + " at update step " + step
                                + " (epoch " + minibatch.epoch() + ", batch " + minibatch.batch() + ")"
                                + (count > 1 ? " of member " + k : "") + "; lower the learning rate or check the data");
                    }
                    if (step % recordEvery == 0) {
                        member.losses()[step / recordEvery] = result.loss();
                    }
                    if (stacked == null) {
                        optimizer.step(member.flat().values(), member.flat().flatten(result.gradient()),
                                member.state());
                    } else {
                        member.flat().flattenInto(result.gradient(), stacked.gradient(k));
                    }
                    lossSum += result.loss();
                }
                if (stacked != null && stopReason == null) {
                    stacked.step(optimizer);
                }
                if (stopReason == null) {
                    stepsTaken = step + 1;
                    double seconds = (System.nanoTime() - start) / 1e9;
                    plan.progress().onStep(new ProgressListener.Progress(step, numSteps, minibatch.epoch(),
                            minibatch.batch(), lossSum / count, (step + 1) / seconds));
                }
            }
        } finally {
            otherObjectives.values().forEach(Objective::close);
        }
        int recorded = recorded(stepsTaken, recordEvery);
        List<TrainingResult> results = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            MemberRun r = runs.get(k);
            results.add(new TrainingResult(r.flat().parameters().copy(), Arrays.copyOf(r.losses(), recorded),
                    r.history(), stacked == null ? r.state() : stacked.memberState(k), stopReason));
        }
        return results;
    }

    /** Losses recorded over {@code steps} steps, one every {@code every} from step 0 (no int overflow). */
    private static int recorded(int steps, int every) {
        return steps == 0 ? 0 : (steps - 1) / every + 1;
    }

    /** Runs the due callbacks on one member's step; returns a stop reason, or null to go on. */
    private String runCallbacks(StepView view, Map<String, List<Object>> history) {
        for (Callback callback : plan.callbacks()) {
            if (view.updateStep() % callback.every() == 0) {
                Object value;
                try {
                    value = callback.onStep(view);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("callback '" + callback.name() + "' failed at update step "
                            + view.updateStep() + ": " + e.getMessage(), e);
                }
                if (value != null) {
                    history.get(callback.name()).add(value);
                }
            }
        }
        return view.stopReason();
    }
}
