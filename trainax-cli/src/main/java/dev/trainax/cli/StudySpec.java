package dev.trainax.cli;

import dev.trainax.api.RolloutMetric;
import dev.trainax.api.internal.IoReasons;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.api.plugin.RecordParameters;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study file: a {@code base} run spec (inline or a path), axes over spec paths — {@code grid}
 * (every combination) and {@code zip} (lists of one length, varied together) —, the
 * {@code evaluation} protocol and the {@code output} folder. Errors name the study path.
 *
 * @param file       where it was read
 * @param base       the base spec's sections
 * @param grid       spec path → values, combined as a Cartesian product (first axis outermost)
 * @param zip        spec path → values of one length, the i-th values together
 * @param evaluation the test set and metrics of every run
 * @param output     the study folder
 */
record StudySpec(Path file, Map<String, Object> base, Map<String, List<Object>> grid, Map<String, List<Object>> zip,
                 Evaluation evaluation, Path output) {

    /** The sections a study file may have. */
    static final List<String> SECTIONS = List.of("base", "grid", "zip", "evaluation", "output");

    /**
     * The evaluation protocol: a test set drawn from the run's data source with its own seed, the
     * network rolled out over it and compared per step (APEBench's defaults: 30 trajectories,
     * seed 773, 200 steps).
     *
     * @param numSamples      test trajectories
     * @param temporalHorizon rollout steps (the test trajectories hold one more state)
     * @param seed            seed of the test initial conditions
     * @param metrics         metric plugins, comma-separated as {@code evaluate --metrics} takes them
     */
    record Evaluation(
            @Param(value = "test trajectories", defaultValue = "30", min = 1) int numSamples,
            @Param(value = "rollout steps compared", defaultValue = "200", min = 1) int temporalHorizon,
            @Param(value = "seed of the test initial conditions", defaultValue = "773") int seed,
            @Param(value = "metric plugins, ID[:NAME=VALUE...][,ID...]", defaultValue = EvaluateCommand.DEFAULT_METRICS)
            String metrics) {

        /** The protocol as a study file writes it. */
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("numSamples", numSamples);
            map.put("temporalHorizon", temporalHorizon);
            map.put("seed", seed);
            map.put("metrics", metrics);
            return map;
        }

        /** The metrics; errors name {@code study.evaluation.metrics}. */
        List<RolloutMetric> rolloutMetrics(PluginRegistry registry) {
            try {
                return EvaluateCommand.metrics(registry, List.of(metrics.split(",", -1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^--metrics:?",
                        "study.evaluation.metrics:"), e);
            }
        }
    }

    static final RecordParameters<Evaluation> EVALUATION =
            RecordParameters.of(Evaluation.class, MethodHandles.lookup());

    static StudySpec read(Path file, PluginRegistry registry) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("study: cannot read " + file + " (" + IoReasons.of(e) + ")", e);
        }
        if (!(RunSpec.parse(file, text) instanceof Map<?, ?> parsed)) {
            throw new IllegalArgumentException("study: " + file + " must hold a map of sections " + SECTIONS);
        }
        Map<String, Object> sections = RunSpec.asMap(parsed, "study");
        for (String key : sections.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw new IllegalArgumentException("study." + key + ": unknown section; known: " + SECTIONS);
            }
        }
        Map<String, List<Object>> grid = axes(sections.get("grid"), "study.grid");
        Map<String, List<Object>> zip = axes(sections.get("zip"), "study.zip");
        int zipLength = -1;
        for (Map.Entry<String, List<Object>> axis : zip.entrySet()) {
            if (zipLength >= 0 && axis.getValue().size() != zipLength) {
                throw new IllegalArgumentException("study.zip." + axis.getKey() + ": must have " + zipLength
                        + " values like the zip's first axis, got " + axis.getValue().size());
            }
            zipLength = axis.getValue().size();
            if (grid.containsKey(axis.getKey())) {
                throw new IllegalArgumentException("study.zip." + axis.getKey() + ": already an axis of study.grid");
            }
        }
        Map<String, Object> evaluation = sections.get("evaluation") == null ? Map.of()
                : RunSpec.asMap(sections.get("evaluation"), "study.evaluation");
        return new StudySpec(file, base(sections.get("base")), grid, zip,
                EVALUATION.create(evaluation, "study.evaluation", registry), output(sections.get("output")));
    }

    private static Map<String, Object> base(Object base) {
        if (base == null) {
            throw new IllegalArgumentException("study.base: required run spec (a map of sections or a spec file) "
                    + "is missing");
        }
        if (base instanceof String path) {
            return RunSpec.read(Path.of(path)).sections();
        }
        return RunSpec.of(Path.of("study.base"), base).sections();
    }

    private static Map<String, List<Object>> axes(Object raw, String path) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        if (raw == null) {
            return axes;
        }
        for (Map.Entry<String, Object> axis : RunSpec.asMap(raw, path).entrySet()) {
            String section = axis.getKey().split("\\.", -1)[0];
            if (!RunSpec.SECTIONS.contains(section) || section.equals("output") || axis.getKey().endsWith(".")
                    || axis.getKey().contains("..")) {
                throw new IllegalArgumentException(path + "." + axis.getKey() + ": not a spec path: it must start "
                        + "with a run spec section other than output " + RunSpec.SECTIONS
                        + ", e.g. training.seed or configuration.numRolloutSteps");
            }
            if (!(axis.getValue() instanceof List<?> values) || values.isEmpty()) {
                throw new IllegalArgumentException(path + "." + axis.getKey() + ": must be a non-empty list of "
                        + "values, got " + axis.getValue());
            }
            axes.put(axis.getKey(), new ArrayList<>(values));
        }
        return axes;
    }

    private static Path output(Object output) {
        if (!(output instanceof String folder) || folder.isBlank()) {
            throw new IllegalArgumentException("study.output: required folder for the study (text) is missing or "
                    + "not text, got " + output);
        }
        try {
            return Path.of(folder);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("study.output: not a valid path: " + folder, e);
        }
    }
}
