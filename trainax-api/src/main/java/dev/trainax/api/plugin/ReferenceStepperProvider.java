package dev.trainax.api.plugin;

import dev.trainax.api.Stepper;

/** Service interface for reference physics steppers; declare implementations with {@code provides} in {@code module-info}. */
public interface ReferenceStepperProvider extends PluginProvider<Stepper> {
}
