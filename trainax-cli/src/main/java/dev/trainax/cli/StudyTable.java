package dev.trainax.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The study's tables in CSV: {@code runs.csv} (run id, every axis value, seed) and the long-format
 * {@code results.csv} (run id, every axis value, seed, metric, rollout step, value; one row per
 * value), built from the runs' evaluation files.
 */
final class StudyTable {

    private StudyTable() {
    }

    /** An axis value as one line of text: plain for text and numbers, flow-style YAML for maps and lists. */
    static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
            options.setWidth(Integer.MAX_VALUE);
            return new Yaml(options).dump(value).strip();
        }
        return String.valueOf(value);
    }

    /** {@code runs.csv}: one row per run. */
    static String runIndex(List<String> axes, List<StudyRun> runs) {
        StringBuilder csv = header(axes);
        csv.append('\n');
        runs.forEach(run -> csv.append(prefix(run)).append('\n'));
        return csv.toString();
    }

    /** {@code results.csv}: one row per run, metric and rollout step of every evaluated run. */
    static String results(List<String> axes, List<StudyRun> runs, StudyFolder folder) {
        StringBuilder csv = header(axes).append(",metric,step,value\n");
        for (StudyRun run : runs) {
            if (!Files.isRegularFile(folder.evaluation(run.id()))) {
                continue;
            }
            List<String> lines = lines(folder, run.id());
            String[] metrics = lines.get(0).split(",");
            String prefix = prefix(run);
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split(",");
                for (int m = 1; m < metrics.length; m++) {
                    csv.append(prefix).append(',').append(quote(metrics[m])).append(',').append(values[0]).append(',')
                            .append(values[m]).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static List<String> lines(StudyFolder folder, String id) {
        try {
            return Files.readAllLines(folder.evaluation(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.evaluation(id), e);
        }
    }

    private static StringBuilder header(List<String> axes) {
        StringBuilder csv = new StringBuilder("run");
        axes.forEach(axis -> csv.append(',').append(quote(axis)));
        return csv.append(",seed");
    }

    private static String prefix(StudyRun run) {
        List<String> cells = new ArrayList<>();
        cells.add(run.id());
        run.axes().values().forEach(value -> cells.add(quote(text(value))));
        cells.add(Integer.toString(run.seed()));
        return String.join(",", cells);
    }

    /** The cells of one CSV line written by {@link #quote}: quoted cells unquoted, doubled quotes single. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
