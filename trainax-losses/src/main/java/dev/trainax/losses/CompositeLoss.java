package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A weighted sum of time-level losses, per sample: {@code Σ w_i · l_i(prediction, target)}. All
 * parts must share one batch reduction (the sum then commutes with it).
 *
 * @param losses  at least one loss
 * @param weights one finite weight per loss; {@code null} for all 1
 */
public record CompositeLoss(
        @Param("the losses to add") List<TimeLevelLoss> losses,
        @Param(value = "one weight per loss; all 1 if absent", optional = true) double[] weights)
        implements TimeLevelLoss {

    /** Validates against the declarations, one weight per loss and one batch reduction for all. */
    public CompositeLoss {
        RecordParameters.check(CompositeLoss.class, losses, weights);
        losses = List.copyOf(losses);
        if (weights == null) {
            weights = new double[losses.size()];
            Arrays.fill(weights, 1.0);
        } else {
            weights = Require.length("weights", weights, losses.size(), "one per loss");
        }
        BatchReduction first = losses.get(0).batchReduction();
        for (int i = 1; i < losses.size(); i++) {
            Require.that(losses.get(i).batchReduction() == first, "losses[" + i + "]",
                    "must use the batch reduction " + first + " of losses[0], got " + losses.get(i).batchReduction());
        }
    }

    @Override
    public double[] weights() {
        return weights.clone();
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
        return "composite" + losses + Arrays.toString(weights);
    }
}
