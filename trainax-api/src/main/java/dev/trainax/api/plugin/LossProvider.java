package dev.trainax.api.plugin;

import dev.trainax.api.TimeLevelLoss;

/** Service interface for time-level losses; declare implementations with {@code provides} in {@code module-info}. */
public interface LossProvider extends PluginProvider<TimeLevelLoss> {
}
