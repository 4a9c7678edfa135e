package dev.trainax.trainers;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The state of an {@link Optimizer} between update steps: its moment buffers and the number of
 * steps taken. Keep it from a {@link TrainingResult} and pass it back to continue training.
 */
public final class OptimizerState {

    private final INDArray buffers;
    private int steps;
    private GradientUpdater<?> updater;

    OptimizerState(INDArray buffers, int steps) {
        this.buffers = buffers;
        this.steps = steps;
    }

    /** Update steps taken so far. */
    public int steps() {
        return steps;
    }

    /** The flat moment buffers (empty for plain SGD). */
    public INDArray buffers() {
        return buffers;
    }

    /** The ND4J updater bound to these buffers, created once. */
    GradientUpdater<?> updater(Supplier<GradientUpdater<?>> factory) {
        if (updater == null) {
            updater = factory.get();
        }
        return updater;
    }

    void steps(int value) {
        steps = value;
    }

    void advance() {
        steps++;
    }

    /** A deep copy, so that a continued run leaves this state untouched. */
    public OptimizerState copy() {
        return new OptimizerState(buffers == null ? null : buffers.dup(), steps);
    }
}
