package dev.trainax.api.plugin;

import dev.trainax.api.Configuration;

/** Service interface for training configurations; declare implementations with {@code provides} in {@code module-info}. */
public interface ConfigurationProvider extends PluginProvider<Configuration> {
}
