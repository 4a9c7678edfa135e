package dev.trainax.api;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Compares two states of one time level (or reduces a single one, such as a residuum) per sample
 * over channels and space; the engine then aggregates over the batch with {@link #batchReduction()}.
 */
public interface TimeLevelLoss {

    /**
     * The loss of each sample, shape {@code [batch]}.
     *
     * @param prediction states {@code (batch, channels, *space)}
     * @param target     states of the same shape, or {@code null} for the single-input form
     * @throws IllegalArgumentException if {@code target} is {@code null} and {@link #acceptsSingleInput()} is false
     */
    SDVariable perSample(SameDiff graph, SDVariable prediction, SDVariable target);

    /** How the per-sample values are aggregated over the batch. */
    BatchReduction batchReduction();

    /** Whether the single-input form (no target) is defined; normalized losses need a target. */
    default boolean acceptsSingleInput() {
        return true;
    }
}
