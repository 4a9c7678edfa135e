package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;

/** Records the L2 norm over all parameters (weights and biases), squared if asked. */
public final class WeightNorm extends BaseCallback {

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

    @Override
    public Object onStep(TrainingView view) {
        double squaredNorm = view.parameters().squaredNorm();
        return squared ? squaredNorm : Math.sqrt(squaredNorm);
    }
}
