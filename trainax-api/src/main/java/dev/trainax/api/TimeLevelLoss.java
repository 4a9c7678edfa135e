package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Compares two states of one time level (or reduces a single one, such as a residuum) per sample
 * over channels and space; the result is aggregated over the batch with {@link #batchReduction()}.
 */
@API(status = STABLE, since = "0.1")
public interface TimeLevelLoss {

    /**
     * The loss of each sample, shape {@code [batch]}.
     *
     * @param prediction states {@code (batch, channels, *space)}
     * @param target     states of the same shape, or {@code null} for the single-input form
     * @throws IllegalArgumentException if {@code target} is {@code null} and {@link #acceptsSingleInput()} is false
     */
    SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target);

    /** How the per-sample values are aggregated over the batch. */
    BatchReduction batchReduction();

    /**
     * The loss reduced over the batch, which engines evaluate. The default aggregates
     * {@link #perSample} with {@link #batchReduction()}; a loss may override it with an equal but
     * cheaper formulation (fewer graph operations per time level).
     */
    default SDVariable batchLoss(LossContext context, SDVariable prediction, SDVariable target) {
        SDVariable perSample = perSample(context, prediction, target);
        return batchReduction() == BatchReduction.SUM ? perSample.sum() : perSample.mean();
    }

    /** Whether the single-input form (no target) is defined; normalized losses need a target. */
    default boolean acceptsSingleInput() {
        return true;
    }
}
