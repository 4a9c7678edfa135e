package org.example.averaged;

import dev.trainax.api.Configuration;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** Provides {@code averaged-supervised}. */
public final class AveragedSupervisedProvider extends SimpleProvider<Configuration> implements ConfigurationProvider {

    /** Service constructor. */
    public AveragedSupervisedProvider() {
        super("averaged-supervised", "supervised rollout with the mean over time levels instead of the sum",
                List.of(PluginParameter.integer("numRolloutSteps", "network steps", 1).atLeast(1),
                        PluginParameter.plugin("timeLevelLoss", "the time-level loss", PluginKind.LOSS, "mse")),
                arguments -> new AveragedSupervised(arguments.integer("numRolloutSteps"),
                        arguments.plugin("timeLevelLoss", TimeLevelLoss.class)));
    }
}
