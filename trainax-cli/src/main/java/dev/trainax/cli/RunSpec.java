package dev.trainax.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A run spec read from YAML or JSON (JSON is read as YAML): the top-level sections and where they
 * came from. Errors name the file and the section.
 */
final class RunSpec {

    /** The sections a spec may have. */
    static final List<String> SECTIONS = List.of("data", "network", "configuration", "referenceStepper", "residuum",
            "engine", "optimizer", "training", "callbacks", "metricsPort", "output");

    private final Path file;
    private final Map<String, Object> sections;

    private RunSpec(Path file, Map<String, Object> sections) {
        this.file = file;
        this.sections = sections;
    }

    static RunSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("spec: cannot read " + file + " (" + e.getMessage() + ")");
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("spec: " + file + " is not valid YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("spec: " + file + " must hold a map of sections " + SECTIONS);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sections = (Map<String, Object>) map;
        for (String key : sections.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw new IllegalArgumentException("spec." + key + ": unknown section; known: " + SECTIONS);
            }
        }
        return new RunSpec(file, sections);
    }

    Path file() {
        return file;
    }

    boolean has(String section) {
        return sections.get(section) != null;
    }

    Object raw(String section) {
        return sections.get(section);
    }

    /** A required map section. */
    Map<String, Object> map(String section) {
        Object value = sections.get(section);
        if (value == null) {
            throw new IllegalArgumentException("spec." + section + ": required section is missing");
        }
        return asMap(value, "spec." + section);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String path) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(path + ": must be a map, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A plugin entry {@code {id: ..., params...}} (or just its id): its id and the rest. */
    static Map.Entry<String, Map<String, Object>> plugin(Object value, String path) {
        if (value instanceof String id) {
            return Map.entry(id, Map.of());
        }
        Map<String, Object> map = asMap(value, path);
        if (!(map.get("id") instanceof String id)) {
            throw new IllegalArgumentException(path + ".id: required plugin id is missing");
        }
        Map<String, Object> rest = new LinkedHashMap<>(map);
        rest.remove("id");
        return Map.entry(id, rest);
    }
}
