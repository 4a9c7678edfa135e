package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A weighted sum of configurations evaluated on the same batch: {@code Σᵢ wᵢ · Lᵢ}. It needs the
 * union of its parts' requirements (the longest window, and any reference stepper or residuum).
 *
 * @param configurations at least one configuration
 * @param weights        one finite weight per configuration
 */
public record Composite(
        @Param("the parts, at least one") List<Configuration> configurations,
        @Param(value = "one weight per configuration; ones if absent", optional = true) double[] weights)
        implements Configuration {

    /** Validates against the declarations and fills ones for {@code null} weights. */
    public Composite {
        RecordParameters.check(Composite.class, configurations, weights);
        Require.that(!configurations.isEmpty(), "configurations", "must contain at least one configuration");
        configurations = List.copyOf(configurations);
        weights = Options.weights("weights", weights, configurations.size(), "one per configuration");
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public DataRequirement dataRequirement() {
        DataRequirement union = configurations.get(0).dataRequirement();
        for (Configuration configuration : configurations) {
            union = union.union(configuration.dataRequirement());
        }
        return union;
    }

    @Override
    public Scalar loss(RolloutOps ops) {
        List<Scalar> terms = new ArrayList<>();
        for (Configuration configuration : configurations) {
            terms.add(configuration.loss(ops));
        }
        return ops.weightedSum(weights, terms);
    }
}
