package dev.trainax.api.plugin;

import dev.trainax.api.Network;

/** Service interface for trainable network architectures; declare implementations with {@code provides} in {@code module-info}. */
public interface NetworkProvider extends PluginProvider<Network> {
}
