package dev.trainax.cli;

import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginProvider;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec as it was run: every plugin entry with all its parameters, defaults filled in. */
final class SpecResolver {

    private static final Map<String, PluginKind> KINDS = Map.of("data", PluginKind.DATA, "network", PluginKind.NETWORK,
            "configuration", PluginKind.CONFIGURATION, "referenceStepper", PluginKind.REFERENCE_STEPPER,
            "residuum", PluginKind.RESIDUUM, "engine", PluginKind.ENGINE, "scenario", PluginKind.SCENARIO);

    private SpecResolver() {
    }

    static Map<String, Object> resolve(SpecRun run, PluginRegistry registry) {
        RunSpec spec = run.spec();
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (String section : RunSpec.SECTIONS) {
            if (!spec.has(section)) {
                continue;
            }
            Object raw = spec.raw(section);
            if (KINDS.containsKey(section)) {
                resolved.put(section, plugin(registry, KINDS.get(section), raw));
            } else if (section.equals("callbacks")) {
                List<Object> callbacks = new ArrayList<>();
                ((List<?>) raw).forEach(c -> callbacks.add(plugin(registry, PluginKind.CALLBACK, c)));
                resolved.put(section, callbacks);
            } else if (section.equals("training")) {
                Map<String, Object> values = new LinkedHashMap<>(run.trainingRaw());
                run.trainingArguments().values().forEach(values::putIfAbsent);
                resolved.put(section, values);
            } else {
                resolved.put(section, raw);
            }
        }
        return resolved;
    }

    /** {@code {id, every parameter}} with given values (nested plugins resolved too) or defaults. */
    private static Map<String, Object> plugin(PluginRegistry registry, PluginKind kind, Object raw) {
        Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(raw, kind.label());
        PluginProvider<?> provider = registry.provider(kind, entry.getKey());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("id", entry.getKey());
        for (PluginParameter parameter : provider.parameters()) {
            Object value = entry.getValue().get(parameter.name());
            if (value == null) {
                value = parameter.defaultValue();
            }
            if (value != null && parameter.type() == PluginParameter.Type.PLUGIN) {
                value = plugin(registry, parameter.pluginKind(), value);
            } else if (value instanceof List<?> list && parameter.type() == PluginParameter.Type.PLUGIN_LIST) {
                List<Object> parts = new ArrayList<>();
                list.forEach(part -> parts.add(plugin(registry, parameter.pluginKind(), part)));
                value = parts;
            }
            if (value != null) {
                resolved.put(parameter.name(), value);
            }
        }
        return resolved;
    }
}
