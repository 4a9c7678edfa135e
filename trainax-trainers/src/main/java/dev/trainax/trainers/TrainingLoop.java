package dev.trainax.trainers;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update loop of one run of a {@link RunPlan}, for one or several members trained together:
 * per step it gathers a minibatch, evaluates loss and gradient at the step's {@link TrainingProgress}
 * (the run's seed, the step, the total), runs the callbacks on the pre-update state, records the
 * loss and applies the optimizer.
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

    /** Trains from {@code initials}; {@code state} (may be null) continues a single run's optimizer state. */
    List<TrainingResult> run(Stepper network, List<Parameters> initials, long seed, OptimizerState state) {
        List<MemberStart> members = initials.stream()
                .map(initial -> new MemberStart(initial, state, new double[0], Double.NaN, Map.of())).toList();
        return execute(network, 0, seed, members, Map.of());
    }

    /** Continues the run {@code checkpoint} was written from. */
    List<TrainingResult> resume(Stepper network, Checkpoint checkpoint) {
        checkpoint.fingerprint().requireSameAs(fingerprint(checkpoint.fingerprint().seed()));
        Require.that(checkpoint.step() <= training.numTrainingSteps(), "numTrainingSteps", "must be at least the "
                + checkpoint.step() + " update steps of the checkpoint to resume from it, got "
                + training.numTrainingSteps());
        Parameters first = checkpoint.members().get(0).parameters();
        OptimizerState fresh = optimizer.init(first.count(), training.dataType().type());
        long stateSize = fresh.buffers() == null ? 0 : fresh.buffers().length();
        for (Checkpoint.Member member : checkpoint.members()) {
            first.requireSameStructure("checkpoint member parameters", member.parameters());
            INDArray buffers = member.optimizerState().buffers();
            Require.that((buffers == null ? 0 : buffers.length()) == stateSize, "checkpoint optimizer state",
                    "must hold " + stateSize + " values for " + optimizer + " on " + first.count() + " parameters");
            Require.that(member.callbackHistory().keySet().equals(callbackNames()), "callbacks",
                    "must be the same as when the checkpoint was written: " + member.callbackHistory().keySet()
                            + ", got " + callbackNames());
        }
        List<MemberStart> members = checkpoint.members().stream().map(m -> new MemberStart(m.parameters(),
                m.optimizerState(), m.losses(), m.lastLoss(), m.callbackHistory())).toList();
        return execute(network, checkpoint.step(), checkpoint.fingerprint().seed(), members,
                checkpoint.callbackStates());
    }

    /** What a checkpoint of this run records about it, for a run with minibatch seed {@code seed}. */
    Checkpoint.Fingerprint fingerprint(long seed) {
        return new Checkpoint.Fingerprint(seed, plan.windows().numWindows(), training.batchSize(),
                training.recordLossEvery(), training.dataType(), optimizer.toString());
    }

    private Set<String> callbackNames() {
        Set<String> names = new LinkedHashSet<>();
        plan.callbacks().forEach(c -> names.add(c.name()));
        return names;
    }

    /** Where a member starts: its parameters, optimizer state (null: fresh), losses, last loss and callback results. */
    private record MemberStart(Parameters parameters, OptimizerState state, double[] losses, double lastLoss,
                               Map<String, List<Object>> history) {
    }

    private List<TrainingResult> execute(Stepper network, int firstStep, long seed, List<MemberStart> start,
                                         Map<String, Map<String, Double>> callbackStates) {
        int numSteps = training.numTrainingSteps();
        int recordEvery = training.recordLossEvery();
        DataType dataType = training.dataType().type();
        TrajectorySubStacker windows = plan.windows();
        PermutationMixer mixer = new PermutationMixer(windows.numWindows(), numSteps, training.batchSize(), seed);
        if (mixer.fullBatchFallback() && firstStep == 0) {
            LOG.log(System.Logger.Level.INFO, "batch size {0} is larger than the {1} windows: training full batch",
                    training.batchSize(), windows.numWindows());
        }
        int count = start.size();
        long size = start.get(0).parameters().count();
        boolean givenStates = start.get(0).state() != null;
        // ensembles train stacked from the start, so a resumed ensemble restores into the stacked state
        StackedMembers stacked = count > 1 && optimizer.elementwise() && (firstStep > 0 || !givenStates)
                ? new StackedMembers(optimizer, count, size, dataType) : null;
        List<MemberRun> runs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            MemberStart from = start.get(k);
            FlatParameters flat = stacked == null ? new FlatParameters(from.parameters(), dataType)
                    : new FlatParameters(from.parameters(), stacked.parameters(k));
            OptimizerState memberState;
            if (stacked != null) {
                if (givenStates) {
                    stacked.restore(k, from.state());
                }
                memberState = stacked.state();
            } else {
                memberState = givenStates ? from.state().copy() : optimizer.init(flat.size(), dataType);
            }
            double[] losses = Arrays.copyOf(from.losses(), recorded(numSteps, recordEvery));
            runs.add(new MemberRun(flat, memberState, losses, plan.callbacks(), from.history(), from.lastLoss()));
        }
        plan.callbacks().forEach(c -> {
            Map<String, Double> saved = callbackStates.get(c.name());
            if (saved != null) {
                c.restoreState(saved);
            }
        });
        List<Parameters> parameters = runs.stream().map(r -> r.flat().parameters()).toList();
        Map<Configuration, Objective> otherObjectives = new IdentityHashMap<>();
        String stopReason = null;
        boolean diverged = false;
        int stepsTaken = firstStep;
        long startTime = System.nanoTime();
        try (EnsembleObjective objective = plan.engine().compileEnsemble(
                plan.problem(network, start.get(0).parameters()), count)) {
            for (int step = firstStep; step < numSteps && stopReason == null; step++) {
                PermutationMixer.Minibatch minibatch = mixer.minibatch(step);
                INDArray batch = windows.gather(minibatch.indices());
                // the step's random inputs and schedule derive from (seed, step) alone: a resumed run draws the same
                List<LossAndGradient> results = objective.lossesAndGradients(parameters, batch,
                        new TrainingProgress(seed, step, numSteps));
                double lossSum = 0;
                for (int k = 0; k < count && stopReason == null; k++) {
                    MemberRun member = runs.get(k);
                    LossAndGradient result = results.get(k);
                    StepView view = new StepView(plan, step, member.flat().parameters(), result, batch,
                            optimizer.learningRate(member.state().steps()), otherObjectives, network);
                    stopReason = runCallbacks(view, member.history());
                    if (stopReason != null) {
                        diverged = view.diverged();
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
                    member.lastLoss(result.loss());
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
                    double seconds = (System.nanoTime() - startTime) / 1e9;
                    plan.progress().onStep(new ProgressListener.Progress(step, numSteps, minibatch.epoch(),
                            minibatch.batch(), lossSum / count, (stepsTaken - firstStep) / seconds));
                    if (plan.checkpoints() != null
                            && (stepsTaken % training.checkpointEvery() == 0 || stepsTaken == numSteps)) {
                        plan.checkpoints().write(checkpoint(stepsTaken, seed, runs, stacked));
                    }
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
                    r.history(), stacked == null ? r.state() : stacked.memberState(k), stepsTaken, r.lastLoss(),
                    stopReason, diverged));
        }
        return results;
    }

    private Checkpoint checkpoint(int step, long seed, List<MemberRun> runs, StackedMembers stacked) {
        List<Checkpoint.Member> members = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            MemberRun r = runs.get(k);
            members.add(new Checkpoint.Member(r.flat().parameters(),
                    stacked == null ? r.state() : stacked.memberState(k),
                    Arrays.copyOf(r.losses(), recorded(step, training.recordLossEvery())), r.lastLoss(),
                    r.history()));
        }
        Map<String, Map<String, Double>> states = new LinkedHashMap<>();
        plan.callbacks().forEach(c -> {
            Map<String, Double> state = c.checkpointState();
            if (!state.isEmpty()) {
                states.put(c.name(), state);
            }
        });
        return new Checkpoint(step, fingerprint(seed), members, states, plan.checkpointNotes());
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
