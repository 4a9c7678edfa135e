package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Validated arguments of one plugin: every declared parameter with its given or default value,
 * converted to its type. Built by {@link PluginRegistry#create}; records read them through
 * {@link RecordParameters#create(PluginArguments)}.
 */
@API(status = STABLE, since = "0.1")
public final class PluginArguments {

    private final String path;
    private final Map<String, Object> values;

    private PluginArguments(String path, Map<String, Object> values) {
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Binds raw values to a provider's parameters, resolving nested plugins through {@code registry}. */
    static PluginArguments bind(PluginProvider<?> provider, Map<String, ?> raw, String path, PluginRegistry registry) {
        return bind(provider.id(), provider.parameters(), raw, path, registry);
    }

    /**
     * Binds raw values (from a spec section at {@code path}) to {@code parameters}: unknown keys,
     * missing required values, wrong types and out-of-range values are errors naming the path;
     * nested plugins resolve through {@code registry}.
     *
     * @param owner what the parameters belong to, for messages (a plugin id or a section name)
     */
    public static PluginArguments bind(String owner, List<PluginParameter> parameters, Map<String, ?> raw,
                                       String path, PluginRegistry registry) {
        for (String key : raw.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(key))) {
                throw new IllegalArgumentException(path + "." + key + ": unknown parameter of '" + owner
                        + "'; known: " + PluginParameter.names(parameters));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (PluginParameter parameter : parameters) {
            String at = path + "." + parameter.name();
            Object given = raw.get(parameter.name());
            if (given == null && parameter.required()) {
                throw new IllegalArgumentException(at + ": required parameter of '" + owner
                        + "' is missing (" + parameter.allowedValues() + ")");
            }
            Object value = given != null ? given : parameter.defaultValue();
            values.put(parameter.name(), value == null ? null : parameter.bind(value, at, registry));
        }
        return new PluginArguments(path, values);
    }

    /** Arguments for {@code provider} from Java values, validated like a spec; nested plugins resolve through {@code registry}. */
    public static PluginArguments of(PluginProvider<?> provider, Map<String, ?> raw, PluginRegistry registry) {
        return bind(provider, raw, provider.id(), registry);
    }

    /** Every parameter's bound value (null where optional and absent), in declaration order. */
    public Map<String, Object> values() {
        return values;
    }

    /** The spec path these arguments were read from, for error messages. */
    public String path() {
        return path;
    }
}
