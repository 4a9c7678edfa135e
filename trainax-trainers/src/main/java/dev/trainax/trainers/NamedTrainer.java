package dev.trainax.trainers;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.Require;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainer for one methodology: the configuration (found by id through the plugin registry) on
 * windows sub-stacked from reference trajectories, with sub-stacking chosen for the configuration
 * (only the initial condition where no reference trajectory is needed). Created through the named
 * trainers, e.g. {@link SupervisedTrainer#builder(INDArray)}.
 */
public final class NamedTrainer {

    private final Configuration configuration;
    private final GeneralTrainer generalTrainer;

    private NamedTrainer(Builder builder) {
        Map<String, Object> arguments = new LinkedHashMap<>(builder.configurationOptions);
        arguments.put("numRolloutSteps", builder.numRolloutSteps);
        if (builder.timeLevelLoss != null) {
            arguments.put("timeLevelLoss", builder.timeLevelLoss);
        }
        this.configuration = builder.registry.create(PluginKind.CONFIGURATION, builder.configurationId, arguments,
                builder.configurationId);
        DataRequirement requirement = configuration.dataRequirement();
        Require.that(!requirement.referenceStepper() || builder.referenceStepper, "referenceStepper",
                "is required by the " + builder.configurationId + " trainer but none was given");
        Require.that(!requirement.residuum() || builder.residuum, "residuum",
                "is required by the " + builder.configurationId + " trainer but none was given");
        int windowLength = Math.max(requirement.numTimeLevels(), builder.numRolloutSteps + 1);
        TrajectorySubStacker subStacker = new TrajectorySubStacker(
                Require.present("trajectories", builder.trajectories), windowLength, builder.doSubStacking,
                requirement.onlyInitialCondition());
        this.generalTrainer = builder.general.subStacker(subStacker).configuration(configuration).build();
    }

    /** A builder for the configuration {@code configurationId} on {@code trajectories}. */
    static Builder builder(String configurationId, INDArray trajectories) {
        return new Builder(configurationId, trajectories);
    }

    /** The configuration this trainer optimises. */
    public Configuration configuration() {
        return configuration;
    }

    /** The windows it draws from. */
    public TrajectorySubStacker subStacker() {
        return generalTrainer.subStacker();
    }

    /** The general trainer behind it (for {@code fullLoss} or continued training). */
    public GeneralTrainer generalTrainer() {
        return generalTrainer;
    }

    /** Trains {@code network} from {@code initial}, minibatches drawn from {@code seed}. */
    public TrainingResult train(Stepper network, Parameters initial, long seed) {
        return generalTrainer.train(network, initial, seed);
    }

    /**
     * Builder of a named trainer with Trainax's defaults (r = 1, MSE, no cuts, sub-stacking on); the
     * training options go to the {@link GeneralTrainer.Builder} it wraps.
     */
    public static final class Builder {
        private final String configurationId;
        private final INDArray trajectories;
        private final Map<String, Object> configurationOptions = new LinkedHashMap<>();
        private final GeneralTrainer.Builder general = GeneralTrainer.builder();
        private int numRolloutSteps = 1;
        private TimeLevelLoss timeLevelLoss;
        private boolean doSubStacking = true;
        private boolean referenceStepper;
        private boolean residuum;
        private PluginRegistry registry;
        private int numTrainingSteps;

        private Builder(String configurationId, INDArray trajectories) {
            this.configurationId = configurationId;
            this.trajectories = trajectories;
        }

        /** Network steps of the rollout (default 1). */
        public Builder numRolloutSteps(int value) {
            this.numRolloutSteps = value;
            return this;
        }

        /** The time-level loss (default MSE). */
        public Builder timeLevelLoss(TimeLevelLoss value) {
            this.timeLevelLoss = value;
            return this;
        }

        /** Cut BPTT after every {@code every}-th step. */
        public Builder cutBptt(int every) {
            configurationOptions.put("cutBptt", true);
            configurationOptions.put("cutBpttEvery", every);
            return this;
        }

        /** Weights of the time levels. */
        public Builder timeLevelWeights(double... weights) {
            configurationOptions.put("timeLevelWeights", weights.clone());
            return this;
        }

        /** Any other option of the configuration, by its parameter name (e.g. {@code cutDivChain}). */
        public Builder option(String name, Object value) {
            configurationOptions.put(name, value);
            return this;
        }

        /** All overlapping windows (default) or only the first of each trajectory. */
        public Builder doSubStacking(boolean value) {
            this.doSubStacking = value;
            return this;
        }

        /** The registry to find the configuration in (default: {@link PluginRegistry#load()}). */
        public Builder registry(PluginRegistry value) {
            this.registry = value;
            return this;
        }

        /** The reference stepper. */
        public Builder referenceStepper(Stepper value) {
            this.referenceStepper = value != null;
            general.referenceStepper(value);
            return this;
        }

        /** The residuum. */
        public Builder residuum(Residuum value) {
            this.residuum = value != null;
            general.residuum(value);
            return this;
        }

        /** The optimizer (required). */
        public Builder optimizer(Optimizer value) {
            general.optimizer(value);
            return this;
        }

        /** Update steps (required). */
        public Builder numTrainingSteps(int value) {
            this.numTrainingSteps = value;
            general.numUpdateSteps(value);
            return this;
        }

        /** Windows per minibatch (required). */
        public Builder batchSize(int value) {
            general.batchSize(value);
            return this;
        }

        /** Callbacks. */
        public Builder callbacks(List<Callback> value) {
            general.callbacks(value);
            return this;
        }

        /** Record the loss every k steps (default 1). */
        public Builder recordLossEvery(int value) {
            general.recordLossEvery(value);
            return this;
        }

        /** FLOAT (default) or DOUBLE. */
        public Builder dataType(DataType value) {
            general.dataType(value);
            return this;
        }

        /** The engine (default: the {@code samediff} plugin). */
        public Builder engine(Engine value) {
            general.engine(value);
            return this;
        }

        /** Progress reports. */
        public Builder progress(ProgressListener value) {
            general.progress(value);
            return this;
        }

        /** Validates everything that can be checked before training and builds. */
        public NamedTrainer build() {
            Require.atLeast("numTrainingSteps", numTrainingSteps, 1);
            if (registry == null) {
                registry = PluginRegistry.load();
            }
            return new NamedTrainer(this);
        }
    }
}
