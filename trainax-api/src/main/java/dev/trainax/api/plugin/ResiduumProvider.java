package dev.trainax.api.plugin;

import dev.trainax.api.Residuum;

/** Service interface for residuum functions; declare implementations with {@code provides} in {@code module-info}. */
public interface ResiduumProvider extends PluginProvider<Residuum> {
}
