package dev.trainax.api.plugin;

import java.util.List;
import java.util.function.Function;

/**
 * A provider defined by its id, description, parameters and a factory function: extend it and
 * implement the kind's provider interface, e.g.
 * {@code final class Mse extends SimpleProvider<TimeLevelLoss> implements LossProvider}.
 *
 * @param <T> what the provider creates
 */
public abstract class SimpleProvider<T> implements PluginProvider<T> {

    private final String id;
    private final String description;
    private final List<PluginParameter> parameters;
    private final Function<PluginArguments, T> factory;

    /**
     * @param id          the stable kebab-case id
     * @param description one line
     * @param parameters  the parameters, in documentation order
     * @param factory     builds the plugin from validated arguments; an {@link IllegalArgumentException}
     *                    it throws is reported under the arguments' spec path
     */
    protected SimpleProvider(String id, String description, List<PluginParameter> parameters,
                             Function<PluginArguments, T> factory) {
        this.id = id;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.factory = factory;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<PluginParameter> parameters() {
        return parameters;
    }

    @Override
    public final T create(PluginArguments arguments) {
        try {
            return factory.apply(arguments);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(arguments.path() + "." + e.getMessage(), e);
        }
    }
}
