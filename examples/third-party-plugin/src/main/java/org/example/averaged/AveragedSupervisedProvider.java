package org.example.averaged;

import dev.trainax.api.Configuration;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/** Provides {@code averaged-supervised}; its parameters are the record's {@code @Param} components. */
public final class AveragedSupervisedProvider extends RecordProvider<AveragedSupervised, Configuration>
        implements ConfigurationProvider {

    /** Service constructor. */
    public AveragedSupervisedProvider() {
        super("averaged-supervised", "supervised rollout with the mean over time levels instead of the sum",
                AveragedSupervised.class, MethodHandles.lookup(), Function.identity());
    }
}
