package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.StateShapes;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything an {@link Engine} needs to compile a configuration's loss and gradient: the
 * configuration, the network with a template of its parameters, the optional reference stepper and
 * residuum, the default time-level loss, the state shape {@code (channels, *space)} and the
 * floating-point type. Building one checks that the configuration's requirements are met and that
 * the network, reference stepper and residuum accept the state shape ({@code checkState}, errors
 * prefixed {@code network.}, {@code referenceStepper.}, {@code residuum.}); engines rely on that
 * and do not check again.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TrainingProblem {

    private final Configuration configuration;
    private final Stepper network;
    private final Parameters parameterTemplate;
    private final Stepper referenceStepper;
    private final Residuum residuum;
    private final TimeLevelLoss defaultLoss;
    private final long[] stateShape;
    private final DataType dataType;

    private TrainingProblem(Builder builder) {
        this.configuration = Require.present("configuration", builder.configuration);
        this.network = Require.present("network", builder.network);
        this.parameterTemplate = Require.present("parameters", builder.parameters);
        this.stateShape = StateShapes.require("stateShape", builder.stateShape).clone();
        this.dataType = Require.oneOf("dataType", builder.dataType, List.of(DataType.FLOAT, DataType.DOUBLE));
        this.referenceStepper = builder.referenceStepper;
        this.residuum = builder.residuum;
        this.defaultLoss = builder.defaultLoss;
        configuration.dataRequirement().requireSteppers(configuration.getClass().getSimpleName(), referenceStepper,
                residuum);
        StateShapes.check("network", network, stateShape);
        StateShapes.check("referenceStepper", referenceStepper, stateShape);
        StateShapes.check("residuum", residuum, stateShape);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration whose loss is compiled. */
    public Configuration configuration() {
        return configuration;
    }

    /** The trained stepper. */
    public Stepper network() {
        return network;
    }

    /** Names and shapes of the network's parameters (values are not used). */
    public Parameters parameterTemplate() {
        return parameterTemplate;
    }

    /** The reference stepper, if the problem has one. */
    public Optional<Stepper> referenceStepper() {
        return Optional.ofNullable(referenceStepper);
    }

    /** The residuum, if the problem has one. */
    public Optional<Residuum> residuum() {
        return Optional.ofNullable(residuum);
    }

    /** The loss of configurations whose {@code timeLevelLoss} is null (the run's default), if given. */
    public Optional<TimeLevelLoss> defaultLoss() {
        return Optional.ofNullable(defaultLoss);
    }

    /** One state's shape without the batch axis: {@code (channels, *space)}. */
    public long[] stateShape() {
        return stateShape.clone();
    }

    /** FLOAT (default) or DOUBLE. */
    public DataType dataType() {
        return dataType;
    }

    /** Builder with FLOAT as the default type. */
    public static final class Builder {
        private Configuration configuration;
        private Stepper network;
        private Parameters parameters;
        private Stepper referenceStepper;
        private Residuum residuum;
        private TimeLevelLoss defaultLoss;
        private long[] stateShape;
        private DataType dataType = DataType.FLOAT;

        private Builder() {
        }

        /** The configuration (required). */
        public Builder configuration(Configuration value) {
            this.configuration = value;
            return this;
        }

        /** The trained network and a template of its parameters (both required). */
        public Builder network(Stepper value, Parameters parameterTemplate) {
            this.network = value;
            this.parameters = parameterTemplate;
            return this;
        }

        /** The reference stepper (required by diverted and mix chains). */
        public Builder referenceStepper(Stepper value) {
            this.referenceStepper = value;
            return this;
        }

        /** The residuum (required by residuum training). */
        public Builder residuum(Residuum value) {
            this.residuum = value;
            return this;
        }

        /** The loss of configurations that leave {@code timeLevelLoss} null (the run plan passes MSE). */
        public Builder defaultLoss(TimeLevelLoss value) {
            this.defaultLoss = value;
            return this;
        }

        /** The shape of one state without the batch axis, {@code (channels, *space)} (required). */
        public Builder stateShape(long... value) {
            this.stateShape = value;
            return this;
        }

        /** FLOAT or DOUBLE. */
        public Builder dataType(DataType value) {
            this.dataType = value;
            return this;
        }

        /** Validates and builds. */
        public TrainingProblem build() {
            return new TrainingProblem(this);
        }
    }
}
