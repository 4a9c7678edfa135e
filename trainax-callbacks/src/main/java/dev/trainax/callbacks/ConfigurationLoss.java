package dev.trainax.callbacks;

import dev.trainax.api.Configuration;
import dev.trainax.api.Require;
import dev.trainax.api.TrainingView;

/**
 * Records the loss of another configuration on the current minibatch (Trainax's {@code Loss}
 * callback), or its {@link dev.trainax.api.engine.LossAndGradient} when {@code withGradient}.
 */
public final class ConfigurationLoss extends BaseCallback {

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

    @Override
    public Object onStep(TrainingView view) {
        var result = view.evaluate(configuration);
        return withGradient ? result : (Object) result.loss();
    }
}
