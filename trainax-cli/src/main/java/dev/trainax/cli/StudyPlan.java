package dev.trainax.cli;

import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.trainers.RunPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a study into its runs — every combination of the grid axes, each with every row of the
 * zipped axes — and validates each run as {@code trainax train} would, before anything runs.
 */
final class StudyPlan {

    private StudyPlan() {
    }

    /**
     * The runs of {@code study}, validated.
     *
     * @throws IllegalArgumentException naming the run's axis values and the spec path that is wrong,
     *                                  or two combinations that are one run
     */
    static List<StudyRun> runs(StudySpec study, RunAssembler assembler) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : study.grid().entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combination : combinations) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(combination);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        int zipLength = study.zip().values().stream().findFirst().map(List::size).orElse(0);
        if (zipLength > 0) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combination : combinations) {
                for (int i = 0; i < zipLength; i++) {
                    Map<String, Object> extended = new LinkedHashMap<>(combination);
                    for (Map.Entry<String, List<Object>> axis : study.zip().entrySet()) {
                        extended.put(axis.getKey(), axis.getValue().get(i));
                    }
                    next.add(extended);
                }
            }
            combinations = next;
        }
        List<StudyRun> runs = new ArrayList<>();
        Map<String, StudyRun> byId = new LinkedHashMap<>();
        for (Map<String, Object> axes : combinations) {
            StudyRun run = run(study, axes, assembler);
            StudyRun same = byId.putIfAbsent(run.id(), run);
            if (same != null) {
                throw new IllegalArgumentException("study: the runs (" + same.label() + ") and (" + run.label()
                        + ") resolve to one spec (run " + run.id() + "); remove one of the values");
            }
            runs.add(run);
        }
        return runs;
    }

    private static StudyRun run(StudySpec study, Map<String, Object> axes, RunAssembler assembler) {
        Map<String, Object> sections = copy(study.base());
        sections.remove("output");
        axes.forEach((path, value) -> set(sections, path, copy(value)));
        if (sections.containsKey("metricsPort")) {
            throw new IllegalArgumentException("study run (" + StudyRun.label(axes) + "): metricsPort: runs of a "
                    + "study cannot each serve a port; trainax study --metrics-port PORT serves the study's "
                    + "progress and its runs' training metrics on one endpoint");
        }
        try {
            RunSpec spec = assembler.withScenario(RunSpec.of(study.file(), sections));
            SpecRun parts = assembler.assemble(spec, Map.of());
            RunPlan plan = parts.planBuilder().plan();
            Map<String, Object> resolved = SpecResolver.resolve(parts, assembler.registry());
            return new StudyRun(id(RunOutputs.yaml(resolved)), axes, spec, parts.training().seed(),
                    seedGroup(resolved, parts, plan));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("study run (" + StudyRun.label(axes) + "): " + e.getMessage(), e);
        }
    }

    /**
     * The id of the run's spec without {@code training.initSeed}, when its seeds can train
     * member-batched: a network that batches members ({@link MemberBatchedNetwork}), no callbacks
     * (they would see every member's steps) and no warm start (the seeds would not matter).
     */
    private static String seedGroup(Map<String, Object> resolved, SpecRun parts, RunPlan plan) {
        if (!(parts.network() instanceof MemberBatchedNetwork) || !parts.callbacks().isEmpty()
                || plan.initialParameters() != null) {
            return null;
        }
        Map<String, Object> withoutInitSeed = copy(resolved);
        RunSpec.asMap(withoutInitSeed.get("training"), "training").remove("initSeed");
        return id(RunOutputs.yaml(withoutInitSeed));
    }

    /** Sets {@code path} (dot-separated) in the spec, turning a plugin id on the way into {@code {id: ...}}. */
    private static void set(Map<String, Object> sections, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> map = sections;
        for (int i = 0; i < keys.length - 1; i++) {
            Object inner = map.get(keys[i]);
            Map<String, Object> next;
            if (inner instanceof Map<?, ?>) {
                next = RunSpec.asMap(inner, keys[i]);
            } else {
                next = new LinkedHashMap<>();
                if (inner instanceof String id) {
                    next.put("id", id);
                } else if (inner != null) {
                    throw new IllegalArgumentException("study axis " + path + ": "
                            + String.join(".", List.of(keys).subList(0, i + 1)) + " holds " + inner
                            + ", not a map the axis could set " + keys[i + 1] + " in");
                }
                map.put(keys[i], next);
            }
            map = next;
        }
        map.put(keys[keys.length - 1], value);
    }

    /** A deep copy of maps and lists (maps keep their order), so that runs never share a mutable value. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put((String) key, copy(inner)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(copy(inner)));
            return (T) copy;
        }
        return value;
    }

    /** The first 12 hex digits of the SHA-256 of {@code text}. */
    static String id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
