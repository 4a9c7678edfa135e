package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One discovered plugin as listings show it.
 *
 * @param kind        its kind
 * @param id          its id
 * @param description its one-line description
 * @param module      the JPMS module (or "unnamed") that provides it
 * @param parameters  its parameters
 */
@API(status = STABLE, since = "0.1")
public record PluginDescriptor(PluginKind kind, String id, String description, String module,
                               List<PluginParameter> parameters) {
}
