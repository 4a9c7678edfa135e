package dev.trainax.cli;

import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin named on the command line as {@code ID[:NAME=VALUE...]} ({@code --metrics},
 * {@code --executor}): its id, checked against the registry, and its parameter values typed as a
 * spec would hold them; a value may contain colons ({@code spark:master=spark://host:7077}).
 * Errors name the option.
 *
 * @param id        the plugin id
 * @param arguments parameter name → value
 */
record PluginOption(String id, Map<String, Object> arguments) {

    static PluginOption parse(PluginRegistry registry, PluginKind kind, String entry, String option) {
        List<String> known = registry.ids(kind);
        String text = entry.strip();
        int colon = text.indexOf(':');
        String id = (colon < 0 ? text : text.substring(0, colon)).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(option + ": expected ID[:NAME=VALUE...], got an empty " + kind.label()
                    + " id in '" + entry + "'; known: " + known);
        }
        if (!known.contains(id)) {
            throw new IllegalArgumentException(option + ": unknown " + kind.label() + " '" + id + "'; known: " + known);
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        // a value may hold colons itself (master=spark://host:7077): a part starts at ':NAME='
        String[] parts = colon < 0 ? new String[0] : text.substring(colon + 1).split(":(?=\\s*[A-Za-z]\\w*\\s*=)", -1);
        for (String part : parts) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(option + " " + id + ": expected NAME=VALUE after ':', got '"
                        + part + "'");
            }
            String name = part.substring(0, equals).strip();
            if (arguments.put(name, value(part.substring(equals + 1).strip())) != null) {
                throw new IllegalArgumentException(option + " " + id + ": parameter '" + name + "' is given twice");
            }
        }
        return new PluginOption(id, arguments);
    }

    /** Creates the plugin; parameter errors name {@code option ID}. */
    <T> T create(PluginRegistry registry, PluginKind kind, String option) {
        return registry.create(kind, id, arguments, option + " " + id);
    }

    /** A command-line parameter value as a spec would hold it: integer, number, boolean or text. */
    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notInteger) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
