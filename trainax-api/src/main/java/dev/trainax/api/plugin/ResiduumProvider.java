package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.Residuum;
import org.apiguardian.api.API;

/** Service interface for residuum functions; declare implementations with {@code provides} in {@code module-info}. */
@API(status = STABLE, since = "0.1")
public interface ResiduumProvider extends PluginProvider<Residuum> {
}
