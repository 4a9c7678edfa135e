package dev.trainax.cli;

import dev.trainax.api.Scenario;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills a spec from its {@code scenario}: every section the scenario fills and the spec leaves out
 * is taken over; a section both give is merged, the spec's values winning. A plugin section
 * without an id adds parameters to the scenario's plugin, one naming another id replaces it; in {@code optimizer} a {@code learningRate}
 * replaces the scenario's {@code schedule}. The scenario's reference stepper, while the spec keeps
 * its data and stepper ids, receives every parameter of the data section it declares (grid,
 * physics), so that the two stay one PDE.
 */
final class ScenarioMerge {

    private ScenarioMerge() {
    }

    /** The spec with its scenario's sections merged in; a spec without scenario as it is. */
    static RunSpec apply(RunSpec spec, PluginRegistry registry) {
        if (!spec.has("scenario")) {
            return spec;
        }
        Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(spec.raw("scenario"), "spec.scenario");
        Scenario scenario = registry.create(PluginKind.SCENARIO, entry.getKey(), entry.getValue(), "spec.scenario");
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("scenario", spec.raw("scenario"));
        scenario.sections().forEach((section, preset) -> sections.put(section,
                spec.has(section) ? merge(section, preset, spec.raw(section)) : preset));
        for (String section : RunSpec.SECTIONS) {
            if (spec.has(section)) {
                sections.putIfAbsent(section, spec.raw(section));
            }
        }
        shareDataParameters(scenario, spec, sections, registry);
        return spec.withSections(sections);
    }

    private static Object merge(String section, Object preset, Object given) {
        if (!(given instanceof Map<?, ?>) && !(given instanceof String)) {
            return given;
        }
        Map<String, Object> base = new LinkedHashMap<>(RunSpec.asMap(preset, "scenario." + section));
        if (base.containsKey("id")) {
            if (given instanceof Map<?, ?> parameters && !parameters.containsKey("id")) {
                base.putAll(RunSpec.asMap(given, "spec." + section));
                return base;
            }
            Map.Entry<String, Map<String, Object>> plugin = RunSpec.plugin(given, "spec." + section);
            if (!plugin.getKey().equals(base.get("id"))) {
                return given;
            }
            base.putAll(plugin.getValue());
            return base;
        }
        Map<String, Object> overrides = RunSpec.asMap(given, "spec." + section);
        if (section.equals("optimizer") && overrides.containsKey("learningRate")) {
            base.remove("schedule");
        }
        base.putAll(overrides);
        return base;
    }

    /**
     * Passes the data's parameters on to the scenario's own reference stepper (see the class
     * comment): the scenario's stepper values, then the data's, then those the spec gives the
     * stepper itself.
     */
    private static void shareDataParameters(Scenario scenario, RunSpec spec, Map<String, Object> sections,
                                            PluginRegistry registry) {
        Object presetData = scenario.sections().get("data");
        Object presetStepper = scenario.sections().get("referenceStepper");
        if (presetData == null || presetStepper == null) {
            return;
        }
        Map.Entry<String, Map<String, Object>> data = RunSpec.plugin(sections.get("data"), "spec.data");
        Map.Entry<String, Map<String, Object>> preset = RunSpec.plugin(presetStepper, "scenario.referenceStepper");
        Map.Entry<String, Map<String, Object>> stepper =
                RunSpec.plugin(sections.get("referenceStepper"), "spec.referenceStepper");
        if (!data.getKey().equals(RunSpec.plugin(presetData, "scenario.data").getKey())
                || !stepper.getKey().equals(preset.getKey())) {
            return;
        }
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("id", stepper.getKey());
        shared.putAll(preset.getValue());
        for (PluginParameter parameter : registry.provider(PluginKind.REFERENCE_STEPPER, stepper.getKey())
                .parameters()) {
            Object value = data.getValue().get(parameter.name());
            if (value != null) {
                shared.put(parameter.name(), value);
            }
        }
        if (spec.raw("referenceStepper") instanceof Map<?, ?>) {
            Map<String, Object> given = new LinkedHashMap<>(RunSpec.asMap(spec.raw("referenceStepper"),
                    "spec.referenceStepper"));
            given.remove("id");
            shared.putAll(given);
        }
        sections.put("referenceStepper", shared);
    }
}
