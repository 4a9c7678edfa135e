package dev.trainax.api.plugin;

import dev.trainax.api.engine.Engine;

/** Service interface for engines; declare implementations with {@code provides} in {@code module-info}. */
public interface EngineProvider extends PluginProvider<Engine> {
}
