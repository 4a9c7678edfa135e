package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/** Records the L2 norm over all parameters (weights and biases), squared if asked. */
public final class WeightNorm extends BaseCallback {

    /** The {@code weight-norm} plugin parameters. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param(value = "record the squared norm", defaultValue = "false") boolean squared,
            @Param(value = "key of the results", defaultValue = "weight_norm") String name) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, squared, name);
        }
    }

    private final boolean squared;

    /**
     * @param every   interval in update steps
     * @param squared record the squared norm
     * @param name    key of the results (Trainax: {@code weight_norm})
     */
    public WeightNorm(int every, boolean squared, String name) {
        super(every, name);
        this.squared = squared;
    }

    /** Builds the callback {@code options} describe. */
    public WeightNorm(Options options) {
        this(options.every(), options.squared(), options.name());
    }

    @Override
    public Object onStep(TrainingView view) {
        double squaredNorm = view.parameters().squaredNorm();
        return squared ? squaredNorm : Math.sqrt(squaredNorm);
    }
}
