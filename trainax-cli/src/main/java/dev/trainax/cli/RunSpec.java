package dev.trainax.cli;

import dev.trainax.api.internal.IoReasons;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A run spec read from YAML or JSON (JSON is read as YAML): the top-level sections and where they
 * came from. Errors name the file and the section.
 */
final class RunSpec {

    /** The sections a spec may have. */
    static final List<String> SECTIONS = List.of("scenario", "data", "network", "configuration", "referenceStepper", "residuum",
            "engine", "optimizer", "training", "callbacks", "metricsPort", "output");

    /** Most YAML nodes a spec may expand to (a spec has a few hundred). */
    static final long MAX_NODES = 100_000;
    /** Most aliases of lists or maps a spec may use (SnakeYAML's default; a spec needs none). */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** Most characters a spec file may hold. */
    private static final int MAX_CODE_POINTS = 1 << 20;

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
            throw new IllegalArgumentException("spec: cannot read " + file + " (" + IoReasons.of(e) + ")", e);
        }
        return of(file, parse(file, text));
    }

    /** A spec of the sections in {@code parsed} (a map), read from {@code origin}. */
    static RunSpec of(Path origin, Object parsed) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("spec: " + origin + " must hold a map of sections " + SECTIONS);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sections = (Map<String, Object>) map;
        for (String key : sections.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw new IllegalArgumentException("spec." + key + ": unknown section; known: " + SECTIONS);
            }
        }
        return new RunSpec(origin, sections);
    }

    /**
     * Parses YAML (or JSON) safely: duplicate keys refused, at most {@link #MAX_COLLECTION_ALIASES}
     * aliases of lists or maps, and the document, aliases expanded, at most {@link #MAX_NODES} nodes,
     * so that a few hundred bytes of nested aliases cannot exhaust the heap. Errors name the file,
     * line and column.
     */
    static Object parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        try {
            Yaml yaml = new Yaml(new SafeConstructor(options));
            requireFewCollectionAliases(file, yaml, text);
            long nodes = expandedSize(file, yaml.compose(new StringReader(text)));
            if (nodes > MAX_NODES) {
                throw new IllegalArgumentException("spec: " + file + " expands to more than " + MAX_NODES
                        + " YAML nodes through its aliases; write the values out instead");
            }
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark problem = e.getProblemMark();
            Mark context = e.getContextMark();
            String where = problem == null ? "" : " at " + place(problem);
            String also = context == null || problem == null || context.getLine() == problem.getLine() ? ""
                    : " (" + e.getContext() + " at " + place(context) + ")";
            throw new IllegalArgumentException("spec: " + file + " is not valid YAML or JSON" + where + ": "
                    + e.getProblem() + also);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("spec: " + file + " is not valid YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * Refuses more than {@link #MAX_COLLECTION_ALIASES} aliases of lists or maps, naming the first
     * alias beyond the limit (SnakeYAML would refuse them too, but without saying where, and as if
     * the YAML were invalid).
     */
    private static void requireFewCollectionAliases(Path file, Yaml yaml, String text) {
        Set<String> collectionAnchors = new HashSet<>();
        int aliases = 0;
        for (Event event : yaml.parse(new StringReader(text))) {
            if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
                collectionAnchors.add(start.getAnchor());
            } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                    && ++aliases > MAX_COLLECTION_ALIASES) {
                throw new IllegalArgumentException("spec: " + file + " uses more than " + MAX_COLLECTION_ALIASES
                        + " aliases of lists or maps (the next at " + place(alias.getStartMark())
                        + "); write the values out instead");
            }
        }
    }

    /**
     * Nodes of the document with every alias expanded, counted up to just past {@link #MAX_NODES}
     * (iteratively: a recursive alias would otherwise recurse without end).
     */
    private static long expandedSize(Path file, Node root) {
        Deque<Node> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        long count = 0;
        while (!pending.isEmpty() && count <= MAX_NODES) {
            Node node = pending.pop();
            count++;
            if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            } else if (node instanceof MappingNode mapping) {
                requireUniqueKeys(file, mapping);
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            }
        }
        return count;
    }

    /** A key given twice in one mapping is an error naming both places (YAML would keep the last silently). */
    private static void requireUniqueKeys(Path file, MappingNode mapping) {
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                Mark first = seen.putIfAbsent(key.getValue(), key.getStartMark());
                if (first != null) {
                    throw new IllegalArgumentException("spec: " + file + ": key '" + key.getValue()
                            + "' appears twice, at " + place(first) + " and at " + place(key.getStartMark()));
                }
            }
        }
    }

    private static String place(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** This spec's file with other sections (a scenario's merged in). */
    RunSpec withSections(Map<String, Object> sections) {
        return new RunSpec(file, sections);
    }

    /** The sections as given (not copied). */
    Map<String, Object> sections() {
        return sections;
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
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(path + ": must be a plugin id or {id: ..., ...}, got " + value);
        }
        Map<String, Object> map = asMap(value, path);
        if (map.get("id") == null) {
            throw new IllegalArgumentException(path + ".id: required plugin id is missing");
        }
        if (!(map.get("id") instanceof String id)) {
            throw new IllegalArgumentException(path + ".id: must be a plugin id (text), got " + map.get("id"));
        }
        Map<String, Object> rest = new LinkedHashMap<>(map);
        rest.remove("id");
        return Map.entry(id, rest);
    }
}
