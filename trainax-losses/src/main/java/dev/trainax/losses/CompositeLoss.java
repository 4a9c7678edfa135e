package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.Require;
import dev.trainax.api.TimeLevelLoss;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A weighted sum of time-level losses, per sample: {@code Σ w_i · l_i(prediction, target)}. All
 * parts must share one batch reduction (the sum then commutes with it).
 */
public final class CompositeLoss implements TimeLevelLoss {

    private final List<TimeLevelLoss> losses;
    private final double[] weights;

    /**
     * @param losses  at least one loss
     * @param weights one finite weight per loss
     */
    public CompositeLoss(List<TimeLevelLoss> losses, double[] weights) {
        Require.that(losses != null && !losses.isEmpty(), "losses", "must contain at least one loss");
        this.losses = List.copyOf(losses);
        this.weights = Require.length("weights", weights, losses.size(), "one per loss");
        BatchReduction first = losses.get(0).batchReduction();
        for (int i = 1; i < losses.size(); i++) {
            Require.that(losses.get(i).batchReduction() == first, "losses[" + i + "]",
                    "must use the batch reduction " + first + " of losses[0], got " + losses.get(i).batchReduction());
        }
    }

    @Override
    public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
        if (target == null) {
            Require.that(acceptsSingleInput(), "target", "is required by a part of " + this);
        }
        SDVariable sum = null;
        for (int i = 0; i < losses.size(); i++) {
            SDVariable part = losses.get(i).perSample(context, prediction, target).mul(weights[i]);
            sum = sum == null ? part : sum.add(part);
        }
        return sum;
    }

    @Override
    public BatchReduction batchReduction() {
        return losses.get(0).batchReduction();
    }

    @Override
    public boolean acceptsSingleInput() {
        return losses.stream().allMatch(TimeLevelLoss::acceptsSingleInput);
    }

    @Override
    public String toString() {
        return "composite" + losses + java.util.Arrays.toString(weights);
    }
}
