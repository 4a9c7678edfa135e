package dev.trainax.api.plugin;

import java.util.List;

/**
 * One discovered plugin as listings show it.
 *
 * @param kind        its kind
 * @param id          its id
 * @param description its one-line description
 * @param module      the JPMS module (or "unnamed") that provides it
 * @param parameters  its parameters
 */
public record PluginDescriptor(PluginKind kind, String id, String description, String module,
                               List<PluginParameter> parameters) {
}
