package org.example.noisy;

import dev.trainax.api.Configuration;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/** Provides {@code input-noise-supervised}; its parameters are the record's {@code @Param} components. */
public final class InputNoiseSupervisedProvider extends RecordProvider<InputNoiseSupervised, Configuration>
        implements ConfigurationProvider {

    /** Service constructor. */
    public InputNoiseSupervisedProvider() {
        super("input-noise-supervised", "supervised rollout from an initial state with fresh Gaussian noise",
                InputNoiseSupervised.class, MethodHandles.lookup(), Function.identity());
    }
}
