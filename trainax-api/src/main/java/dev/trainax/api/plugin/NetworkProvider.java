package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.Network;
import org.apiguardian.api.API;

/** Service interface for trainable network architectures; declare implementations with {@code provides} in {@code module-info}. */
@API(status = STABLE, since = "0.1")
public interface NetworkProvider extends PluginProvider<Network> {
}
