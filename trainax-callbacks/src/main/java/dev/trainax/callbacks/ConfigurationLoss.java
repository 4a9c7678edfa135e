package dev.trainax.callbacks;

import dev.trainax.api.Configuration;
import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/**
 * Records the loss of another configuration on the current minibatch (Trainax's {@code Loss}
 * callback), or its {@link dev.trainax.api.engine.LossAndGradient} when {@code withGradient}.
 */
public final class ConfigurationLoss extends BaseCallback {

    /** The {@code loss} plugin parameters. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param("the configuration") Configuration configuration,
            @Param(value = "record the gradient too", defaultValue = "false") boolean withGradient,
            @Param("key of the results") String name) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, configuration, withGradient, name);
        }
    }

    private final Configuration configuration;
    private final boolean withGradient;

    /**
     * @param every         interval in update steps
     * @param configuration the configuration to evaluate
     * @param withGradient  record loss and gradient instead of the loss alone
     * @param name          key of the results
     */
    public ConfigurationLoss(int every, Configuration configuration, boolean withGradient, String name) {
        super(every, name);
        this.configuration = Require.present("configuration", configuration);
        this.withGradient = withGradient;
    }

    /** Builds the callback {@code options} describe. */
    public ConfigurationLoss(Options options) {
        this(options.every(), options.configuration(), options.withGradient(), options.name());
    }

    @Override
    public Object onStep(TrainingView view) {
        var result = view.evaluate(configuration);
        return withGradient ? result : (Object) result.loss();
    }
}
