package dev.trainax.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.TrainaxModule;

/**
 * The command line's object graph: every discovered provider (through {@link TrainaxModule}), the
 * engine used when a spec has no {@code engine} section, and the default time-level loss. An
 * application replaces one binding by passing its own module to
 * {@link Main#run(String[], java.io.PrintStream, java.io.PrintStream, com.google.inject.Module...)},
 * e.g. {@code @Provides Engine engine() { return myEngine; }}.
 */
public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new TrainaxModule());
    }

    /** The engine of specs without an {@code engine} section: the {@code samediff} plugin. */
    @Provides
    @Singleton
    Engine defaultEngine(PluginRegistry registry) {
        return registry.create(PluginKind.ENGINE, RunPlan.DEFAULT_ENGINE);
    }

    /** The loss of configurations that leave theirs at the default: the {@code mse} plugin. */
    @Provides
    @Singleton
    TimeLevelLoss defaultLoss(PluginRegistry registry) {
        return registry.create(PluginKind.LOSS, RunPlan.DEFAULT_LOSS);
    }
}
