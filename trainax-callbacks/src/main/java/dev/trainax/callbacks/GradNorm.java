package dev.trainax.callbacks;

import dev.trainax.api.Configuration;
import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/**
 * Records the L2 norm of the gradient of a configuration (by default the training one) on the
 * current minibatch, squared if asked.
 */
public final class GradNorm extends BaseCallback {

    /** The {@code grad-norm} plugin parameters. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param(value = "the configuration", optional = true) Configuration configuration,
            @Param(value = "record the squared norm", defaultValue = "false") boolean squared,
            @Param(value = "key of the results", defaultValue = "grad_norm") String name) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, configuration, squared, name);
        }
    }

    private final Configuration configuration;
    private final boolean squared;

    /**
     * @param every         interval in update steps
     * @param configuration the configuration whose gradient is measured, or null for the training gradient
     * @param squared       record the squared norm
     * @param name          key of the results
     */
    public GradNorm(int every, Configuration configuration, boolean squared, String name) {
        super(every, name);
        this.configuration = configuration;
        this.squared = squared;
    }

    /** Builds the callback {@code options} describe. */
    public GradNorm(Options options) {
        this(options.every(), options.configuration(), options.squared(), options.name());
    }

    @Override
    public Object onStep(TrainingView view) {
        double squaredNorm = (configuration == null ? view.gradient()
                : view.evaluate(Require.present("configuration", configuration)).gradient()).squaredNorm();
        return squared ? squaredNorm : Math.sqrt(squaredNorm);
    }
}
