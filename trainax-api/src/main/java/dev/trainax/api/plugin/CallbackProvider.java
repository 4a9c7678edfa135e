package dev.trainax.api.plugin;

import dev.trainax.api.Callback;

/** Service interface for training callbacks; declare implementations with {@code provides} in {@code module-info}. */
public interface CallbackProvider extends PluginProvider<Callback> {
}
