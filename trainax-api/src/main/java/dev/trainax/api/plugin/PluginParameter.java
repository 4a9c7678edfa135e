package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One typed parameter of a {@link PluginProvider}: name, type, description, default and the
 * allowed range or choices. Immutable; the modifiers return new instances. A parameter without a
 * default is required unless marked {@link #optional()}.
 */
@API(status = STABLE, since = "0.1")
public final class PluginParameter {

    /** The value types a parameter can take. */
    public enum Type {
        /** A whole number. */
        INTEGER,
        /** A real number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** Text, optionally restricted to choices. */
        STRING,
        /** A list of real numbers. */
        NUMBER_LIST,
        /** Another plugin of a given kind: its id, or a map with {@code id} and its parameters. */
        PLUGIN,
        /** A non-empty list of plugins of a given kind, each as for {@link #PLUGIN}. */
        PLUGIN_LIST
    }

    private final String name;
    private final Type type;
    private final String description;
    private final Object defaultValue;
    private final boolean optional;
    private final Double min;
    private final boolean minExclusive;
    private final Double max;
    private final List<String> choices;
    private final PluginKind pluginKind;

    PluginParameter(String name, Type type, String description, Object defaultValue, boolean optional,
                    Double min, boolean minExclusive, Double max, List<String> choices, PluginKind pluginKind) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.defaultValue = defaultValue;
        this.optional = optional;
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.choices = choices;
        this.pluginKind = pluginKind;
    }

    private static PluginParameter of(String name, Type type, String description, Object defaultValue) {
        return new PluginParameter(name, type, description, defaultValue, false, null, false, null, List.of(), null);
    }

    /** An integer parameter; {@code defaultValue} null makes it required. */
    public static PluginParameter integer(String name, String description, Integer defaultValue) {
        return of(name, Type.INTEGER, description, defaultValue);
    }

    /** A real-number parameter; {@code defaultValue} null makes it required. */
    public static PluginParameter number(String name, String description, Double defaultValue) {
        return of(name, Type.NUMBER, description, defaultValue);
    }

    /** A boolean parameter with a default. */
    public static PluginParameter bool(String name, String description, boolean defaultValue) {
        return of(name, Type.BOOLEAN, description, defaultValue);
    }

    /** A text parameter; {@code defaultValue} null makes it required. */
    public static PluginParameter string(String name, String description, String defaultValue) {
        return of(name, Type.STRING, description, defaultValue);
    }

    /** A list of numbers; no default (use {@link #optional()} where absence has a meaning). */
    public static PluginParameter numbers(String name, String description) {
        return of(name, Type.NUMBER_LIST, description, null);
    }

    /** A nested plugin of {@code kind}; {@code defaultId} (may be null) names the default provider. */
    public static PluginParameter plugin(String name, String description, PluginKind kind, String defaultId) {
        return new PluginParameter(name, Type.PLUGIN, description, defaultId, false, null, false, null, List.of(),
                kind);
    }

    /** A non-empty list of plugins of {@code kind}; required. */
    public static PluginParameter plugins(String name, String description, PluginKind kind) {
        return new PluginParameter(name, Type.PLUGIN_LIST, description, null, false, null, false, null, List.of(),
                kind);
    }

    /** The same parameter with an inclusive lower bound. */
    public PluginParameter atLeast(double bound) {
        return new PluginParameter(name, type, description, defaultValue, optional, bound, false, max, choices,
                pluginKind);
    }


    /** The same parameter with an inclusive upper bound. */
    public PluginParameter atMost(double bound) {
        return new PluginParameter(name, type, description, defaultValue, optional, min, minExclusive, bound, choices,
                pluginKind);
    }

    /** The same text parameter restricted to {@code allowed}. */
    public PluginParameter oneOf(String... allowed) {
        return new PluginParameter(name, type, description, defaultValue, optional, min, minExclusive, max,
                List.of(allowed), pluginKind);
    }

    /** The same parameter, allowed to be absent (its value is then {@code null}). */
    public PluginParameter optional() {
        return new PluginParameter(name, type, description, defaultValue, true, min, minExclusive, max, choices,
                pluginKind);
    }

    /** The name used in specs. */
    public String name() {
        return name;
    }

    /** The value type. */
    public Type type() {
        return type;
    }

    /** What the parameter means. */
    public String description() {
        return description;
    }

    /** The default, or {@code null}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Whether a value must be given. */
    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** The plugin kind of a {@link Type#PLUGIN} parameter, else {@code null}. */
    public PluginKind pluginKind() {
        return pluginKind;
    }

    /** A one-line summary: name, type, range or choices, default. */
    public String summary() {
        StringBuilder text = new StringBuilder(name).append(" (").append(allowedValues()).append(')');
        if (defaultValue != null) {
            text.append(" = ").append(defaultValue);
        } else if (required()) {
            text.append(" required");
        }
        return text.toString();
    }

    /** The allowed values in words, as error messages and listings show them. */
    public String allowedValues() {
        String base = switch (type) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "true or false";
            case STRING -> choices.isEmpty() ? "text" : "one of " + choices;
            case NUMBER_LIST -> "list of numbers";
            case PLUGIN -> pluginKind.label() + " id or {id: ..., ...}";
            case PLUGIN_LIST -> "non-empty list of " + pluginKind.label() + " ids or {id: ..., ...}";
        };
        if (min != null && max != null) {
            return base + " in " + (minExclusive ? "(" : "[") + format(min) + ", " + format(max) + "]";
        }
        if (min != null) {
            return base + (minExclusive ? " > " : " ≥ ") + format(min);
        }
        return max != null ? base + " ≤ " + format(max) : base;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Converts and checks a raw value (from a spec or code) at {@code path}; plugins resolve through {@code registry}. */
    Object bind(Object raw, String path, PluginRegistry registry) {
        Object value = switch (type) {
            case INTEGER -> {
                if (!(raw instanceof Number number) || !whole(number)) {
                    throw mismatch(path, raw);
                }
                yield toInt(number, path, raw);
            }
            case NUMBER -> {
                if (!(raw instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    throw mismatch(path, raw);
                }
                yield number.doubleValue();
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    throw mismatch(path, raw);
                }
                yield raw;
            }
            case STRING -> {
                if (!(raw instanceof String text) || !choices.isEmpty() && !choices.contains(text)) {
                    throw mismatch(path, raw);
                }
                yield text;
            }
            case NUMBER_LIST -> bindNumbers(raw, path);
            case PLUGIN -> bindPlugin(raw, path, registry);
            case PLUGIN_LIST -> bindPlugins(raw, path, registry);
        };
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if (min != null && (v < min || minExclusive && v == min) || max != null && v > max) {
                throw mismatch(path, raw);
            }
        }
        return value;
    }

    /** Whether {@code number} is a finite whole number, however large. */
    private static boolean whole(Number number) {
        if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            return true;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        }
        double value = number.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value);
    }

    /**
     * The whole {@code number} as an int; a value beyond the int range (a YAML number such as
     * 3000000000 or 2^64 + 1) is a range error naming {@code path}, never a silent wrap.
     */
    private int toInt(Number number, String path, Object raw) {
        BigDecimal value = number instanceof BigDecimal decimal ? decimal
                : number instanceof BigInteger integer ? new BigDecimal(integer)
                : number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                : BigDecimal.valueOf(number.longValue());
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw new IllegalArgumentException(path + ": must be " + allowedValues() + " and within the 32-bit "
                    + "integer range [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "], got " + raw);
        }
        return value.intValueExact();
    }

    private double[] bindNumbers(Object raw, String path) {
        List<?> list = raw instanceof double[] array ? Arrays.stream(array).boxed().toList()
                : raw instanceof List<?> given ? given : null;
        if (list == null) {
            throw mismatch(path, raw);
        }
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw mismatch(path + "[" + i + "]", list.get(i));
            }
            values[i] = number.doubleValue();
        }
        return values;
    }

    private List<Object> bindPlugins(Object raw, String path, PluginRegistry registry) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw mismatch(path, raw);
        }
        List<Object> plugins = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            plugins.add(bindPlugin(list.get(i), path + "[" + i + "]", registry));
        }
        return List.copyOf(plugins);
    }

    private Object bindPlugin(Object raw, String path, PluginRegistry registry) {
        if (pluginKind.productType().isInstance(raw)) {
            return raw;
        }
        if (raw instanceof String id) {
            return registry.create(pluginKind, id, Map.of(), path);
        }
        if (raw instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            Map<String, Object> rest = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (!"id".equals(key)) {
                    rest.put(String.valueOf(key), value);
                }
            });
            return registry.create(pluginKind, id, rest, path);
        }
        throw mismatch(path, raw);
    }

    private IllegalArgumentException mismatch(String path, Object raw) {
        return new IllegalArgumentException(path + ": must be " + allowedValues() + ", got "
                + (raw instanceof String ? "'" + raw + "'" : String.valueOf(raw)));
    }

    /** Names of {@code parameters}, for error messages. */
    static List<String> names(List<PluginParameter> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name));
        return names;
    }
}
