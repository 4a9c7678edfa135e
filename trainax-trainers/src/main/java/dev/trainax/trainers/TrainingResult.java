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
 * @param stopReason      why a callback ended training early, or {@code null} if every step ran
 */
public record TrainingResult(Parameters parameters, double[] lossHistory, Map<String, List<Object>> callbackHistory,
                             OptimizerState optimizerState, String stopReason) {

    /** Whether a callback ended training before the last update step. */
    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** The last recorded loss. */
    public double finalLoss() {
        return lossHistory[lossHistory.length - 1];
    }
}
