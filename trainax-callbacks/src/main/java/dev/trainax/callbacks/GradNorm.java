package dev.trainax.callbacks;

import dev.trainax.api.Configuration;
import dev.trainax.api.Require;
import dev.trainax.api.TrainingView;

/**
 * Records the L2 norm of the gradient of a configuration (by default the training one) on the
 * current minibatch, squared if asked.
 */
public final class GradNorm extends BaseCallback {

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

    @Override
    public Object onStep(TrainingView view) {
        double squaredNorm = (configuration == null ? view.gradient()
                : view.evaluate(Require.present("configuration", configuration)).gradient()).squaredNorm();
        return squared ? squaredNorm : Math.sqrt(squaredNorm);
    }
}
