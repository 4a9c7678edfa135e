package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.Scenario;
import org.apiguardian.api.API;

/** Service interface for scenario presets; declare implementations with {@code provides} in {@code module-info}. */
@API(status = EXPERIMENTAL, since = "0.2")
public interface ScenarioProvider extends PluginProvider<Scenario> {
}
