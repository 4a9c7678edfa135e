package dev.trainax.trainers;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Require;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TrainingView;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Minibatch training of a network under any configuration, as Trainax's {@code GeneralTrainer}
 * (the network and its initial parameters are given to {@link #train}, as Trainax calls a trainer
 * with its stepper):
 * per update step it draws a minibatch of windows ({@link PermutationMixer} over a
 * {@link TrajectorySubStacker}), evaluates the configuration's loss and gradient with the engine,
 * runs the callbacks on the pre-update state, records the pre-update loss and applies the
 * optimizer. The same seed gives the same result.
 */
public final class GeneralTrainer {

    private static final System.Logger LOG = System.getLogger(GeneralTrainer.class.getName());

    private final TrajectorySubStacker subStacker;
    private final Configuration configuration;
    private final Stepper referenceStepper;
    private final Residuum residuum;
    private final Optimizer optimizer;
    private final int numUpdateSteps;
    private final int batchSize;
    private final List<Callback> callbacks;
    private final int recordLossEvery;
    private final DataType dataType;
    private final Engine engine;
    private final ProgressListener progress;

    private GeneralTrainer(Builder builder) {
        this.subStacker = Require.present("subStacker", builder.subStacker);
        this.configuration = Require.present("configuration", builder.configuration);
        this.optimizer = Require.present("optimizer", builder.optimizer);
        this.numUpdateSteps = Require.atLeast("numUpdateSteps", builder.numUpdateSteps, 1);
        this.batchSize = Require.atLeast("batchSize", builder.batchSize, 1);
        this.recordLossEvery = Require.atLeast("recordLossEvery", builder.recordLossEvery, 1);
        this.referenceStepper = builder.referenceStepper;
        this.residuum = builder.residuum;
        this.callbacks = List.copyOf(builder.callbacks);
        this.dataType = builder.dataType;
        this.engine = builder.engine != null ? builder.engine
                : PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
        this.progress = builder.progress;
        Require.that(subStacker.storedLevels() >= configuration.dataRequirement().numTimeLevels(), "subStacker",
                "stores " + subStacker.storedLevels() + " time levels per window but the configuration needs "
                        + configuration.dataRequirement().numTimeLevels());
        Require.that(!configuration.dataRequirement().referenceStepper() || referenceStepper != null,
                "referenceStepper", "is required by the configuration " + configuration.getClass().getSimpleName());
        Require.that(!configuration.dataRequirement().residuum() || residuum != null,
                "residuum", "is required by the configuration " + configuration.getClass().getSimpleName());
    }

    /** Where the minibatches come from. */
    public TrajectorySubStacker subStacker() {
        return subStacker;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains {@code network} from {@code initial} with minibatches drawn from {@code seed} and a
     * fresh optimizer state.
     */
    public TrainingResult train(Stepper network, Parameters initial, long seed) {
        return train(network, initial, seed, null);
    }

    /**
     * Trains {@code network} from {@code initial}; {@code state} (may be null) continues an earlier
     * run's optimizer state, which is copied and left unchanged.
     */
    public TrainingResult train(Stepper network, Parameters initial, long seed, OptimizerState state) {
        Require.present("initial", initial);
        return run(network, List.of(initial), seed, state).get(0);
    }

    /**
     * Trains several independent copies of {@code network} together, one per initial parameter set
     * (e.g. drawn from different seeds), in one computation per step on the same minibatches: the
     * analogue of vmapping a Trainax trainer over initialisation keys. Each result equals what
     * {@link #train} gives for that initialisation alone.
     */
    public List<TrainingResult> trainEnsemble(Stepper network, List<Parameters> initials, long seed) {
        Require.that(initials != null && !initials.isEmpty(), "initials", "must hold at least one parameter set");
        return run(network, initials, seed, null);
    }

    private List<TrainingResult> run(Stepper network, List<Parameters> initials, long seed, OptimizerState state) {
        Require.present("network", network);
        PermutationMixer mixer = new PermutationMixer(subStacker.numWindows(), numUpdateSteps, batchSize, seed);
        if (mixer.fullBatchFallback()) {
            LOG.log(System.Logger.Level.INFO, "batch size {0} is larger than the {1} windows: training full batch",
                    batchSize, subStacker.numWindows());
        }
        int count = initials.size();
        long size = initials.get(0).count();
        StackedMembers stacked = count > 1 && state == null && optimizer.elementwise()
                ? new StackedMembers(optimizer, count, size, dataType) : null;
        List<MemberRun> runs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            FlatParameters flat = stacked == null ? new FlatParameters(initials.get(k), dataType)
                    : new FlatParameters(initials.get(k), stacked.parameters(k));
            OptimizerState memberState = stacked != null ? stacked.state
                    : state != null ? state.copy() : optimizer.init(flat.size(), dataType);
            runs.add(new MemberRun(flat, memberState,
                    new double[(numUpdateSteps + recordLossEvery - 1) / recordLossEvery], callbacks));
        }
        List<Parameters> parameters = runs.stream().map(r -> r.flat().parameters()).toList();
        Map<Configuration, Objective> otherObjectives = new java.util.IdentityHashMap<>();
        String stopReason = null;
        int stepsTaken = 0;
        long start = System.nanoTime();
        try (EnsembleObjective objective = engine.compileEnsemble(problem(network, initials.get(0)), count)) {
            for (int step = 0; step < numUpdateSteps && stopReason == null; step++) {
                PermutationMixer.Minibatch minibatch = mixer.minibatch(step);
                INDArray batch = subStacker.gather(minibatch.indices());
                List<LossAndGradient> results = objective.lossesAndGradients(parameters, batch);
                double lossSum = 0;
                for (int k = 0; k < count && stopReason == null; k++) {
                    MemberRun member = runs.get(k);
                    LossAndGradient result = results.get(k);
                    StepView view = new StepView(step, member.flat().parameters(), result, batch,
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
                    if (step % recordLossEvery == 0) {
                        member.losses()[step / recordLossEvery] = result.loss();
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
                    optimizer.step(stacked.parameters, stacked.gradient, stacked.state);
                }
                if (stopReason == null) {
                    stepsTaken = step + 1;
                    double seconds = (System.nanoTime() - start) / 1e9;
                    progress.onStep(new ProgressListener.Progress(step, numUpdateSteps, minibatch.epoch(),
                            minibatch.batch(), lossSum / count, (step + 1) / seconds));
                }
            }
        } finally {
            otherObjectives.values().forEach(Objective::close);
        }
        int recorded = (stepsTaken + recordLossEvery - 1) / recordLossEvery;
        String reason = stopReason;
        List<TrainingResult> results = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            MemberRun r = runs.get(k);
            results.add(new TrainingResult(r.flat().parameters().copy(), java.util.Arrays.copyOf(r.losses(), recorded),
                    r.history(), stacked == null ? r.state() : stacked.memberState(k), reason));
        }
        return results;
    }

    /**
     * All members' flat parameters end to end in one buffer, updated by one optimizer step: the
     * same as one step per member whenever the optimizer works entry by entry (it does unless it
     * clips by a global norm), at a fraction of the per-step overhead.
     */
    private static final class StackedMembers {
        private final int count;
        private final long size;
        private final INDArray parameters;
        private final INDArray gradient;
        private final OptimizerState state;

        StackedMembers(Optimizer optimizer, int count, long size, DataType type) {
            this.count = count;
            this.size = size;
            this.parameters = Nd4j.create(type, count * size);
            this.gradient = Nd4j.create(type, count * size);
            this.state = optimizer.init(count * size, type);
        }

        INDArray parameters(int member) {
            return parameters.get(NDArrayIndex.interval(member * size, (member + 1) * size));
        }

        INDArray gradient(int member) {
            return gradient.get(NDArrayIndex.interval(member * size, (member + 1) * size));
        }

        /**
         * One member's share of the stacked state: optimizer states are blocks of moment buffers,
         * one entry per parameter each, so the member's entries are its slice of every block.
         */
        OptimizerState memberState(int member) {
            INDArray all = state.buffers();
            if (all == null) {
                return new OptimizerState(null, state.steps());
            }
            long blocks = all.length() / (count * size);
            INDArray flat = all.reshape(all.length());
            INDArray mine = Nd4j.create(all.dataType(), 1, blocks * size);
            for (long b = 0; b < blocks; b++) {
                long from = b * count * size + member * size;
                mine.get(NDArrayIndex.point(0), NDArrayIndex.interval(b * size, (b + 1) * size))
                        .assign(flat.get(NDArrayIndex.interval(from, from + size)));
            }
            return new OptimizerState(mine, state.steps());
        }
    }

    /** The mutable state of one member's run. */
    private record MemberRun(FlatParameters flat, OptimizerState state, double[] losses,
                             Map<String, List<Object>> history) {
        MemberRun(FlatParameters flat, OptimizerState state, double[] losses, List<Callback> callbacks) {
            this(flat, state, losses, new LinkedHashMap<>());
            callbacks.forEach(c -> history.put(c.name(), new ArrayList<>()));
        }
    }

    /** Runs the due callbacks on one member's step; returns a stop reason, or null to go on. */
    private String runCallbacks(StepView view, Map<String, List<Object>> history) {
        for (Callback callback : callbacks) {
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

    /** A member's step as callbacks see it; other configurations are compiled once per run. */
    private final class StepView implements TrainingView {
        private final int step;
        private final Parameters parameters;
        private final LossAndGradient result;
        private final INDArray batch;
        private final double learningRate;
        private final Map<Configuration, Objective> objectives;
        private final Stepper network;
        private String stopReason;

        StepView(int step, Parameters parameters, LossAndGradient result, INDArray batch, double learningRate,
                 Map<Configuration, Objective> objectives, Stepper network) {
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
            Objective objective = objectives.computeIfAbsent(other, c -> engine.compile(TrainingProblem.builder()
                    .configuration(c).network(network, parameters).referenceStepper(referenceStepper)
                    .residuum(residuum).stateShape(subStacker.stateShape()).dataType(dataType).build()));
            return objective.lossAndGradient(parameters, batch);
        }

        @Override
        public void stop(String reason) {
            this.stopReason = Require.present("reason", reason);
        }

        String stopReason() {
            return stopReason;
        }
    }

    /** The configuration's loss of {@code network} on every window of the data set. */
    public double fullLoss(Stepper network, Parameters parameters) {
        try (Objective objective = engine.compile(problem(network, parameters))) {
            return objective.loss(parameters.copy(dataType), subStacker.all());
        }
    }

    private TrainingProblem problem(Stepper network, Parameters template) {
        return TrainingProblem.builder().configuration(configuration).network(network, template)
                .referenceStepper(referenceStepper).residuum(residuum).stateShape(subStacker.stateShape())
                .dataType(dataType).build();
    }

    /** Parameters kept as views into one flat array, so that optimizers update a single buffer. */
    private static final class FlatParameters {
        private final INDArray values;
        private final Parameters views;
        private INDArray gradientBuffer;

        FlatParameters(Parameters initial, DataType type) {
            this(initial, Nd4j.create(type, initial.count()));
        }

        /** Views into {@code values}, a buffer of {@code initial.count()} entries, set to {@code initial}. */
        FlatParameters(Parameters initial, INDArray values) {
            DataType type = values.dataType();
            this.values = values;
            Map<String, INDArray> parts = new LinkedHashMap<>();
            long offset = 0;
            for (Map.Entry<String, INDArray> entry : initial.asMap().entrySet()) {
                long length = entry.getValue().length();
                INDArray view = values.get(NDArrayIndex.interval(offset, offset + length))
                        .reshape('c', entry.getValue().shape());
                view.assign(entry.getValue().castTo(type));
                parts.put(entry.getKey(), view);
                offset += length;
            }
            views = Parameters.of(parts);
        }

        long size() {
            return values.length();
        }

        INDArray values() {
            return values;
        }

        Parameters parameters() {
            return views;
        }

        /** {@code gradient} in this layout, in a buffer reused from step to step. */
        INDArray flatten(Parameters gradient) {
            if (gradientBuffer == null) {
                gradientBuffer = Nd4j.create(values.dataType(), values.length());
            }
            return flattenInto(gradient, gradientBuffer);
        }

        /**
         * {@code gradient} in this layout, written into {@code target} by one {@code flatten} op
         * (a copy per array took 2.5 times as long: 0.26 against 0.1 ms for the Lorenz MLP's 14
         * arrays); returns it.
         */
        INDArray flattenInto(Parameters gradient, INDArray target) {
            INDArray[] parts = views.names().stream().map(gradient::get).toArray(INDArray[]::new);
            Nd4j.exec(DynamicCustomOp.builder("flatten").addInputs(parts).addOutputs(target)
                    .addIntegerArguments((int) 'c').build());
            return target;
        }
    }

    /** Builder; float32, one loss record per step and the {@code samediff} engine by default. */
    public static final class Builder {
        private TrajectorySubStacker subStacker;
        private Configuration configuration;
        private Stepper referenceStepper;
        private Residuum residuum;
        private Optimizer optimizer;
        private int numUpdateSteps;
        private int batchSize;
        private final List<Callback> callbacks = new ArrayList<>();
        private int recordLossEvery = 1;
        private DataType dataType = DataType.FLOAT;
        private Engine engine;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /** Where minibatches of windows come from (required). */
        public Builder subStacker(TrajectorySubStacker value) {
            this.subStacker = value;
            return this;
        }

        /** The methodology (required). */
        public Builder configuration(Configuration value) {
            this.configuration = value;
            return this;
        }

        /** The reference stepper, where the configuration needs one. */
        public Builder referenceStepper(Stepper value) {
            this.referenceStepper = value;
            return this;
        }

        /** The residuum, where the configuration needs one. */
        public Builder residuum(Residuum value) {
            this.residuum = value;
            return this;
        }

        /** The optimizer (required). */
        public Builder optimizer(Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** Update steps, ≥ 1 (required). */
        public Builder numUpdateSteps(int value) {
            this.numUpdateSteps = value;
            return this;
        }

        /** Windows per minibatch, ≥ 1 (required). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Callbacks run before each update. */
        public Builder callbacks(List<Callback> value) {
            this.callbacks.addAll(value);
            return this;
        }

        /** Record the loss every k steps (default 1). */
        public Builder recordLossEvery(int value) {
            this.recordLossEvery = value;
            return this;
        }

        /** FLOAT (default) or DOUBLE. */
        public Builder dataType(DataType value) {
            this.dataType = value;
            return this;
        }

        /** The engine (default: the {@code samediff} plugin). */
        public Builder engine(Engine value) {
            this.engine = value;
            return this;
        }

        /** Receives a report per step. */
        public Builder progress(ProgressListener value) {
            this.progress = Require.present("progress", value);
            return this;
        }

        /** Validates and builds. */
        public GeneralTrainer build() {
            return new GeneralTrainer(this);
        }
    }
}
