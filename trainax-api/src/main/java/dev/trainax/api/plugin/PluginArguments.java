package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Validated arguments of one plugin: every declared parameter with its given or default value,
 * converted to its type. Built by {@link PluginRegistry#create}; tests may use {@link #of}.
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

    /** An integer parameter. */
    public int integer(String name) {
        return (Integer) value(name);
    }

    /** A number parameter. */
    public double number(String name) {
        return (Double) value(name);
    }

    /** A boolean parameter. */
    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** A text parameter (null if optional and absent). */
    public String string(String name) {
        return (String) value(name);
    }

    /** A number list (null if optional and absent). */
    public double[] numbers(String name) {
        double[] values = (double[]) value(name);
        return values == null ? null : values.clone();
    }

    /** A nested plugin (null if optional and absent). */
    public <T> T plugin(String name, Class<T> type) {
        return type.cast(value(name));
    }

    /** A list of nested plugins. */
    public <T> List<T> plugins(String name, Class<T> type) {
        return ((List<?>) value(name)).stream().map(type::cast).toList();
    }

    /** Whether a value (given or default) is present. */
    public boolean has(String name) {
        return value(name) != null;
    }

    private Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(path + ": no parameter '" + name + "'; known: " + values.keySet());
        }
        return values.get(name);
    }
}
