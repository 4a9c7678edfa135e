package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.Callback;
import org.apiguardian.api.API;

/** Service interface for training callbacks; declare implementations with {@code provides} in {@code module-info}. */
@API(status = STABLE, since = "0.1")
public interface CallbackProvider extends PluginProvider<Callback> {
}
