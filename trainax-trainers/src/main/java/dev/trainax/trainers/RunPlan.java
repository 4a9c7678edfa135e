package dev.trainax.trainers;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.StateShapes;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training run, assembled once: the only place that turns a configuration, reference
 * trajectories, the reference stepper or residuum, the optimizer and the training options into
 * windows, a sub-stacker and training problems, and that checks them against each other. Java
 * builders ({@link Trainer#of}), the command line and studies all build their runs here.
 *
 * <p>Windows follow Trainax: a configuration's {@link DataRequirement#windowLength()} consecutive
 * levels (r + 1 for r rollout steps), of which only the first {@code numTimeLevels} are gathered.
 *
 * <p>{@link Builder#plan()} checks the data's state shape {@code (channels, *space)} against the
 * reference stepper, the residuum and, if given, the network ({@link Stepper#checkState}), before
 * windows or graphs are built: a mismatch is an error such as
 * {@code network.kernelSize: must be ≤ 15 (… the state shape [1, 8]), got 17}.
 */
public final class RunPlan {

    /** Id of the engine used when none is given. */
    public static final String DEFAULT_ENGINE = "samediff";
    /** Id of the time-level loss of configurations that leave theirs null. */
    public static final String DEFAULT_LOSS = "mse";

    private final Configuration configuration;
    private final DataRequirement requirement;
    private final TrajectorySubStacker windows;
    private final Stepper referenceStepper;
    private final Residuum residuum;
    private final TimeLevelLoss defaultLoss;
    private final Engine engine;
    private final Optimizer optimizer;
    private final TrainingOptions training;
    private final List<Callback> callbacks;
    private final ProgressListener progress;
    private final CheckpointStore checkpoints;
    private final Map<String, String> checkpointNotes;
    private final Parameters initialParameters;

    private RunPlan(Builder builder) {
        this.configuration = Require.present("configuration", builder.configuration);
        this.requirement = configuration.dataRequirement();
        this.training = builder.training();
        this.optimizer = Require.present("optimizer", builder.optimizer);
        this.referenceStepper = builder.referenceStepper;
        this.residuum = builder.residuum;
        requirement.requireSteppers(name(configuration), referenceStepper, residuum);
        INDArray trajectories = builder.windows != null ? null : checkedTrajectories(builder.trajectories);
        long[] stateShape = trajectories == null ? checkedWindows(builder.windows).stateShape()
                : Arrays.copyOfRange(trajectories.shape(), 2, trajectories.rank());
        StateShapes.check("network", builder.network, stateShape);
        StateShapes.check("referenceStepper", referenceStepper, stateShape);
        StateShapes.check("residuum", residuum, stateShape);
        this.windows = trajectories == null ? builder.windows
                : new TrajectorySubStacker(trajectories, requirement.windowLength(), training.doSubStacking(),
                        requirement.onlyInitialCondition());
        PluginRegistry registry = builder.engine != null && builder.defaultLoss != null ? null
                : builder.registry != null ? builder.registry : PluginRegistry.load();
        this.engine = builder.engine != null ? builder.engine : registry.create(PluginKind.ENGINE, DEFAULT_ENGINE);
        this.defaultLoss = builder.defaultLoss != null ? builder.defaultLoss
                : registry.create(PluginKind.LOSS, DEFAULT_LOSS);
        this.callbacks = List.copyOf(builder.callbacks);
        this.progress = builder.progress;
        this.checkpoints = builder.checkpoints == null ? null : new CheckpointStore(builder.checkpoints);
        this.checkpointNotes = Map.copyOf(builder.checkpointNotes);
        this.initialParameters = builder.initialParameters != null ? builder.initialParameters
                : training.initialParameters() == null ? null : loadInitial(training.initialParameters());
    }

    private static Parameters loadInitial(String file) {
        try {
            return Parameters.load(Path.of(file));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("initialParameters: " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("initialParameters: not a valid path: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("initialParameters: " + e.getMessage(), e);
        }
    }

    private static String name(Configuration configuration) {
        return configuration.getClass().getSimpleName();
    }

    private INDArray checkedTrajectories(INDArray trajectories) {
        Require.present("trajectories", trajectories);
        long[] shape = StateShapes.requireTrajectories("trajectories", trajectories.shape());
        Require.that(shape[1] >= requirement.windowLength(), "trajectories",
                "have " + shape[1] + " time levels (shape " + Arrays.toString(shape) + ") but configuration "
                        + name(configuration) + " needs windows of " + requirement.windowLength()
                        + " levels (numRolloutSteps + 1 and any further steps it compares)");
        return trajectories;
    }

    private TrajectorySubStacker checkedWindows(TrajectorySubStacker given) {
        Require.that(given.storedLevels() >= requirement.numTimeLevels(), "windows",
                "store " + given.storedLevels() + " time levels per window but configuration " + name(configuration)
                        + " reads " + requirement.numTimeLevels());
        return given;
    }

    /** A new builder; {@link Trainer#of} starts one from a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The methodology. */
    public Configuration configuration() {
        return configuration;
    }

    /** What the configuration needs, read once. */
    public DataRequirement requirement() {
        return requirement;
    }

    /** The windows minibatches are drawn from. */
    public TrajectorySubStacker windows() {
        return windows;
    }

    /** The reference stepper, or null. */
    public Stepper referenceStepper() {
        return referenceStepper;
    }

    /** The residuum, or null. */
    public Residuum residuum() {
        return residuum;
    }

    /** The loss of configurations that leave {@code timeLevelLoss} null. */
    public TimeLevelLoss defaultLoss() {
        return defaultLoss;
    }

    /** The engine that compiles the run's programs. */
    public Engine engine() {
        return engine;
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Steps, batch size, seeds, precision and recording. */
    public TrainingOptions training() {
        return training;
    }

    /** The callbacks, run before each update. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** Receives a report per update step. */
    public ProgressListener progress() {
        return progress;
    }

    /** Where checkpoints go ({@link Builder#checkpoints}), or null for none. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The caller's notes stored with each checkpoint. */
    public Map<String, String> checkpointNotes() {
        return checkpointNotes;
    }

    /** The parameters to start from instead of the network's initialisation (a warm start), or null. */
    public Parameters initialParameters() {
        return initialParameters;
    }

    /** The training problem of {@code network} (parameter names and shapes from {@code template}). */
    public TrainingProblem problem(Stepper network, Parameters template) {
        return problem(configuration, network, template);
    }

    /**
     * The problem of another configuration on this run's network, steppers and windows (callbacks
     * evaluate other configurations on the training minibatch).
     */
    public TrainingProblem problem(Configuration other, Stepper network, Parameters template) {
        return TrainingProblem.builder().configuration(other).network(network, template)
                .referenceStepper(referenceStepper).residuum(residuum).defaultLoss(defaultLoss)
                .stateShape(windows.stateShape()).dataType(training.dataType().type()).build();
    }

    /** The trainer that runs this plan. */
    public GeneralTrainer trainer() {
        return new GeneralTrainer(this);
    }

    /**
     * Builder of a run. Required: the configuration, the data ({@link #trajectories} or explicit
     * {@link #windows}), the optimizer and the training options ({@link #training} or at least
     * {@link #numTrainingSteps} and {@link #batchSize}). The engine and the default loss come from
     * {@link PluginRegistry#load()} (or {@link #registry}) unless given.
     */
    public static final class Builder {
        private Configuration configuration;
        private INDArray trajectories;
        private TrajectorySubStacker windows;
        private Stepper network;
        private Stepper referenceStepper;
        private Residuum residuum;
        private TimeLevelLoss defaultLoss;
        private Engine engine;
        private PluginRegistry registry;
        private Optimizer optimizer;
        private TrainingOptions training;
        private Integer numTrainingSteps;
        private Integer batchSize;
        private TrainingOptions.Precision dataType;
        private Integer recordLossEvery;
        private Boolean doSubStacking;
        private final List<Callback> callbacks = new ArrayList<>();
        private ProgressListener progress = ProgressListener.NONE;
        private Path checkpoints;
        private final Map<String, String> checkpointNotes = new LinkedHashMap<>();
        private Parameters initialParameters;

        private Builder() {
        }

        /** The methodology (required). */
        public Builder configuration(Configuration value) {
            this.configuration = value;
            return this;
        }

        /** Reference trajectories {@code (samples, time, channels, *space)}; windows follow the configuration. */
        public Builder trajectories(INDArray value) {
            this.trajectories = value;
            return this;
        }

        /** Explicit windows instead of {@link #trajectories} (Trainax's GeneralTrainer with its own sub-stacker). */
        public Builder windows(TrajectorySubStacker value) {
            this.windows = value;
            return this;
        }

        /**
         * The network the run will train, where it is known when planning: {@link #plan()} then
         * checks that it accepts the data's state shape. Optional; {@link GeneralTrainer#train}
         * takes the network and its training problem checks it again.
         */
        public Builder network(Stepper value) {
            this.network = value;
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

        /** The loss of configurations that leave theirs null (default: the {@code mse} plugin). */
        public Builder defaultLoss(TimeLevelLoss value) {
            this.defaultLoss = value;
            return this;
        }

        /** The engine (default: the {@code samediff} plugin). */
        public Builder engine(Engine value) {
            this.engine = value;
            return this;
        }

        /** Where the default engine and loss come from (default: {@link PluginRegistry#load()}). */
        public Builder registry(PluginRegistry value) {
            this.registry = value;
            return this;
        }

        /** The optimizer (required). */
        public Builder optimizer(Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** All training options at once; the single-option setters below override them. */
        public Builder training(TrainingOptions value) {
            this.training = value;
            return this;
        }

        /** Update steps (required unless given by {@link #training}). */
        public Builder numTrainingSteps(int value) {
            this.numTrainingSteps = value;
            return this;
        }

        /** Windows per minibatch (required unless given by {@link #training}). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** FLOAT32 (default) or FLOAT64. */
        public Builder dataType(TrainingOptions.Precision value) {
            this.dataType = value;
            return this;
        }

        /** Record the loss every k steps (default 1). */
        public Builder recordLossEvery(int value) {
            this.recordLossEvery = value;
            return this;
        }

        /** All overlapping windows (default) or only the first of each trajectory. */
        public Builder doSubStacking(boolean value) {
            this.doSubStacking = value;
            return this;
        }

        /** Callbacks, run before each update. */
        public Builder callbacks(List<Callback> value) {
            this.callbacks.addAll(value);
            return this;
        }

        /** Receives a report per step. */
        public Builder progress(ProgressListener value) {
            this.progress = Require.present("progress", value);
            return this;
        }

        /**
         * Writes a checkpoint into {@code folder} every {@link TrainingOptions#checkpointEvery()} update
         * steps and after the last ({@link CheckpointStore}); {@link GeneralTrainer#resume} continues from one.
         */
        public Builder checkpoints(Path folder) {
            this.checkpoints = Require.present("checkpoints", folder);
            return this;
        }

        /** Text stored with every checkpoint under {@code key} (the command line stores the resolved spec). */
        public Builder checkpointNote(String key, String value) {
            this.checkpointNotes.put(Require.present("key", key), Require.present("value", value));
            return this;
        }

        /**
         * Parameters to start from instead of the network's initialisation (a warm start; overrides
         * {@link TrainingOptions#initialParameters()}). Their names and shapes must match the network's.
         */
        public Builder initialParameters(Parameters value) {
            this.initialParameters = Require.present("initialParameters", value);
            return this;
        }

        private TrainingOptions training() {
            TrainingOptions options = training != null ? training : TrainingOptions.of(
                    Require.present("numTrainingSteps", numTrainingSteps), Require.present("batchSize", batchSize));
            if (numTrainingSteps != null) {
                options = options.withNumTrainingSteps(numTrainingSteps);
            }
            if (batchSize != null) {
                options = options.withBatchSize(batchSize);
            }
            if (dataType != null) {
                options = options.withDataType(dataType);
            }
            if (recordLossEvery != null) {
                options = options.withRecordLossEvery(recordLossEvery);
            }
            return doSubStacking != null ? options.withSubStacking(doSubStacking) : options;
        }

        /** Validates everything once and assembles the run. */
        public RunPlan plan() {
            return new RunPlan(this);
        }

        /** {@link #plan()} and its trainer. */
        public GeneralTrainer build() {
            return plan().trainer();
        }
    }
}
