package org.example.noisy;

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
 * Supervised rollout from an initial state with Gaussian noise added (input-noise injection,
 * Sanchez-Gonzalez et al. 2020). The program only asks for the noise; the engine draws it afresh
 * every update step from the run's seed and the step, and no gradient flows through it.
 * <pre>
 *   u⁰ + σ·ε ─f→ û¹ ─f→ û² … ─f→ ûʳ        ε ~ N(0, I),  loss = Σₜ l(ûᵗ, uᵗ)
 * </pre>
 */
record InputNoiseSupervised(
        @Param(value = "network steps", defaultValue = "1", min = 1) int numRolloutSteps,
        @Param(value = "standard deviation σ of the noise on the initial state", defaultValue = "0.01", min = 0) double noiseStd,
        @Param(value = "the time-level loss; null: the run's default", defaultValue = "mse") TimeLevelLoss timeLevelLoss)
        implements Configuration {

    /** Validated by the declarations above, the same rules specs are checked with. */
    InputNoiseSupervised {
        RecordParameters.check(InputNoiseSupervised.class, numRolloutSteps, noiseStd, timeLevelLoss);
    }

    @Override
    public DataRequirement dataRequirement() {
        return new DataRequirement(numRolloutSteps + 1, false, false);
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        State initial = ops.data(0);
        State prediction = ops.add(initial, ops.scale(noiseStd, ops.normalNoise(initial)));
        List<Scalar> terms = new ArrayList<>();
        for (int t = 1; t <= numRolloutSteps; t++) {
            prediction = ops.network(prediction);
            terms.add(ops.loss(timeLevelLoss, prediction, ops.data(t)));
        }
        double[] weights = new double[numRolloutSteps];
        Arrays.fill(weights, 1.0);
        return ops.weightedSum(weights, terms);
    }
}
