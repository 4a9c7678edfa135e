package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.engine.Engine;
import org.apiguardian.api.API;

/** Service interface for engines; declare implementations with {@code provides} in {@code module-info}. */
@API(status = STABLE, since = "0.1")
public interface EngineProvider extends PluginProvider<Engine> {
}
