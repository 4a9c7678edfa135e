package dev.trainax.trainers;

import dev.trainax.api.Parameters;
import java.util.List;
import java.util.Map;

/**
 * What a training run returns.
 *
 * @param parameters      the trained parameters: after the last update taken (when the run stopped
 *                        or diverged, the ones before the step that stopped it)
 * @param lossHistory     minibatch losses before each recorded update (every {@code recordLossEvery} steps)
 * @param callbackHistory per callback name, its results at the steps where it ran
 * @param optimizerState  the optimizer state after the last update, to continue training
 * @param updateSteps     update steps taken (counted from the start of the run, resumed parts included)
 * @param finalLoss       the minibatch loss of the last update step taken, recorded or not (NaN if none)
 * @param stopReason      why training ended before the last update step, or {@code null} if every step ran
 * @param diverged        whether it ended because values became NaN or infinite ({@code non-finite-guard})
 */
public record TrainingResult(Parameters parameters, double[] lossHistory, Map<String, List<Object>> callbackHistory,
                             OptimizerState optimizerState, int updateSteps, double finalLoss, String stopReason,
                             boolean diverged) {

    /** Whether a callback ended training before the last update step. */
    public boolean stoppedEarly() {
        return stopReason != null;
    }
}
