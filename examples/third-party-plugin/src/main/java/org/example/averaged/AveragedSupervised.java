package org.example.averaged;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Supervised rollout whose loss is the mean, not the sum, over the r time levels, so that its
 * scale does not grow with the rollout length.
 * <pre>
 *   u⁰ ─f→ û¹ ─f→ û² … ─f→ ûʳ        loss = (1/r) Σₜ l(ûᵗ, uᵗ)
 * </pre>
 */
record AveragedSupervised(
        @Param(value = "network steps", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "the time-level loss; null: the run's default", defaultValue = "mse") TimeLevelLoss timeLevelLoss)
        implements Configuration {

    /** Validated by the declarations above, the same rules specs are checked with. */
    AveragedSupervised {
        RecordParameters.check(AveragedSupervised.class, numRolloutSteps, timeLevelLoss);
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(numRolloutSteps + 1, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        State prediction = ops.data(0);
        List<Scalar> terms = new ArrayList<>();
        for (int t = 1; t <= numRolloutSteps; t++) {
            prediction = ops.network(prediction);
            terms.add(ops.loss(timeLevelLoss, prediction, ops.data(t)));
        }
        double[] weights = new double[numRolloutSteps];
        Arrays.fill(weights, 1.0 / numRolloutSteps);
        return ops.weightedSum(weights, terms);
    }
}
