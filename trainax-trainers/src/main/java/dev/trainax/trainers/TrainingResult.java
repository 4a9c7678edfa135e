package dev.trainax.trainers;

import dev.trainax.api.Parameters;
import java.util.List;
import java.util.Map;

/**
 * What a training run returns.
 *
 * @param parameters      the trained parameters
 * @param lossHistory     minibatch losses before each recorded update (every {@code recordLossEvery} steps)
 * @param callbackHistory per callback name, its results at the steps where it ran
 * @param optimizerState  the optimizer state after the last update, to continue training
 */
public record TrainingResult(Parameters parameters, double[] lossHistory, Map<String, List<Object>> callbackHistory,
                             OptimizerState optimizerState) {

    /** The last recorded loss. */
    public double finalLoss() {
        return lossHistory[lossHistory.length - 1];
    }
}
