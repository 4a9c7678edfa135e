package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A plugin: a stable kebab-case id, a one-line description, typed parameters with defaults and
 * validation, and a factory. Implementations are found with {@link java.util.ServiceLoader} through
 * the kind-specific sub-interfaces and must have a public no-argument constructor.
 *
 * @param <T> what the provider creates
 */
@API(status = STABLE, since = "0.1")
public interface PluginProvider<T> {

    /** The stable id, unique within its kind, in kebab-case (e.g. {@code diverted-chain}). */
    String id();

    /** One line saying what the plugin does. */
    String description();

    /** The parameters {@link #create(PluginArguments)} reads, in documentation order. */
    List<PluginParameter> parameters();

    /** Creates the plugin from arguments already validated against {@link #parameters()}. */
    T create(PluginArguments arguments);
}
