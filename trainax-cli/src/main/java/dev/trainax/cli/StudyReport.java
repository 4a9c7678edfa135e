package dev.trainax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trainax study report DIR}: per configuration (the axis values but the seeds), APEBench's
 * summary — the geometric mean of a metric over the first K rollout steps of each run, its mean
 * over the seeds with a 95 % confidence interval (Student's t), and its ratio to a baseline — as
 * {@code report/summary.csv} and {@code report/summary.md}, and the plots
 * {@code report/rollout-METRIC.png} (mean per step with the band from the lowest to the highest
 * seed) and {@code report/loss.png} (training loss, the same way).
 */
final class StudyReport {

    /** Axes that only pick seeds: runs differing in them are repetitions of one configuration. */
    private static final List<String> SEED_AXES = List.of("training.seed", "training.initSeed");

    /** Student's t quantile 0.975 for 1..30 degrees of freedom; beyond, the normal 1.96. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** A run as {@code runs.csv} lists it. */
    private record Run(String id, List<String> axisValues) {
    }

    /** The runs of one configuration. */
    private record Group(List<String> key, List<Run> runs) {
    }

    private StudyReport() {
    }

    /**
     * Writes the report of the study in {@code root}.
     *
     * @param metric   the metric column of the evaluations to summarise
     * @param steps    K: the first K rollout steps enter the geometric mean
     * @param baseline {@code AXIS=VALUE}, or null: ratios to the configuration with that value and the others equal
     */
    static int write(Path root, String metric, int steps, String baseline, PrintWriter out) {
        StudyFolder folder = new StudyFolder(root.toAbsolutePath().normalize());
        List<String> index = lines(folder.runIndex(), "study report: " + folder.root() + " is not a study folder");
        List<String> header = StudyTable.cells(index.get(0));
        List<String> axes = header.subList(1, header.size() - 1);
        List<Integer> keyAxes = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            if (!SEED_AXES.contains(axes.get(a))) {
                keyAxes.add(a);
            }
        }
        int baselineAxis = -1;
        String baselineValue = null;
        if (baseline != null) {
            int equals = baseline.indexOf('=');
            baselineAxis = equals < 0 ? -1 : keyAxes.indexOf(axes.indexOf(baseline.substring(0, equals)));
            if (baselineAxis < 0) {
                throw new IllegalArgumentException("--baseline: expected AXIS=VALUE with AXIS one of "
                        + keyAxes.stream().map(axes::get).toList() + ", got '" + baseline + "'");
            }
            baselineValue = baseline.substring(equals + 1);
        }
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (String line : index.subList(1, index.size())) {
            List<String> cells = StudyTable.cells(line);
            Run run = new Run(cells.get(0), cells.subList(1, cells.size() - 1));
            if (folder.state(run.id()) != StudyFolder.State.DONE) {
                continue;
            }
            List<String> key = keyAxes.stream().map(a -> run.axisValues().get(a)).toList();
            groups.computeIfAbsent(key, k -> new Group(k, new ArrayList<>())).runs().add(run);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("study report: no run of " + folder.root() + " is done yet");
        }
        Map<List<String>, double[]> summaries = new LinkedHashMap<>();
        List<LogPlot.Series> rolloutLines = new ArrayList<>();
        List<LogPlot.Band> rolloutBands = new ArrayList<>();
        List<LogPlot.Series> lossLines = new ArrayList<>();
        List<LogPlot.Band> lossBands = new ArrayList<>();
        long lossStep = 1;
        for (Group group : groups.values()) {
            List<double[]> curves = new ArrayList<>();
            List<double[]> losses = new ArrayList<>();
            double[] gmeans = new double[group.runs().size()];
            for (int r = 0; r < gmeans.length; r++) {
                double[] curve = column(folder.evaluation(group.runs().get(r).id()), metric);
                curves.add(curve);
                gmeans[r] = geometricMean(curve, steps);
                List<double[]> loss = lossColumns(folder.run(group.runs().get(r).id()).resolve("loss.csv"));
                losses.add(loss.get(1));
                lossStep = loss.get(0).length > 1 ? (long) (loss.get(0)[1] - loss.get(0)[0]) : 1;
            }
            summaries.put(group.key(), meanAndInterval(gmeans));
            String name = label(keyAxes.stream().map(axes::get).toList(), group.key());
            rolloutLines.add(new LogPlot.Series(name, mean(curves), 1, 1));
            rolloutBands.add(new LogPlot.Band(extreme(curves, false), extreme(curves, true), 1, 1));
            lossLines.add(new LogPlot.Series(name, mean(losses), 0, Math.max(1, lossStep)));
            lossBands.add(new LogPlot.Band(extreme(losses, false), extreme(losses, true), 0, Math.max(1, lossStep)));
        }
        Path report = folder.root().resolve("report");
        List<String> keyNames = keyAxes.stream().map(axes::get).toList();
        StringBuilder csv = new StringBuilder();
        keyNames.forEach(axis -> csv.append(StudyTable.quote(axis)).append(','));
        csv.append("runs,metric,steps,gmean,ci95_low,ci95_high").append(baseline != null ? ",ratio_to_baseline" : "")
                .append('\n');
        StringBuilder md = new StringBuilder("| ");
        keyNames.forEach(axis -> md.append(axis).append(" | "));
        md.append("runs | geometric mean of ").append(metric).append(" over steps 1–").append(steps)
                .append(" | 95 % interval |").append(baseline != null ? " ratio to " + baseline + " |" : "")
                .append('\n').append("|---".repeat(keyNames.size() + 3 + (baseline != null ? 1 : 0))).append("|\n");
        for (Group group : groups.values()) {
            double[] summary = summaries.get(group.key());
            Optional<Double> ratio = ratio(group.key(), baselineAxis, baselineValue, summaries);
            group.key().forEach(value -> csv.append(StudyTable.quote(value)).append(','));
            csv.append(group.runs().size()).append(',').append(StudyTable.quote(metric)).append(',').append(steps)
                    .append(',').append(summary[0]).append(',').append(summary[1]).append(',').append(summary[2]);
            md.append("| ");
            group.key().forEach(value -> md.append(value.replace("|", "\\|")).append(" | "));
            md.append(group.runs().size()).append(" | ").append(format(summary[0])).append(" | ")
                    .append(Double.isNaN(summary[1]) ? "—" : format(summary[1]) + " – " + format(summary[2]))
                    .append(" |");
            if (baseline != null) {
                csv.append(',').append(ratio.map(String::valueOf).orElse(""));
                md.append(' ').append(ratio.map(StudyReport::format).orElse("—")).append(" |");
            }
            csv.append('\n');
            md.append('\n');
        }
        StudyFolder.write(report.resolve("summary.csv"), csv.toString());
        StudyFolder.write(report.resolve("summary.md"), md.toString());
        String plotName = "rollout-" + metric.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
        try {
            Files.createDirectories(report);
            LogPlot.write(report.resolve(plotName), metric + " per rollout step on the test set (mean, band: lowest "
                    + "to highest seed)", "rollout step", metric, rolloutLines, rolloutBands);
            LogPlot.write(report.resolve("loss.png"), "training loss (mean, band: lowest to highest seed)",
                    "update step", "loss", lossLines, lossBands);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots into " + report, e);
        }
        out.print(md);
        out.println("report in " + report + ": summary.csv, summary.md, " + plotName + ", loss.png");
        return Failures.OK;
    }

    private static Optional<Double> ratio(List<String> key, int axis, String value,
                                          Map<List<String>, double[]> summaries) {
        if (axis < 0) {
            return Optional.empty();
        }
        List<String> baselineKey = new ArrayList<>(key);
        baselineKey.set(axis, value);
        double[] baseline = summaries.get(baselineKey);
        return baseline == null ? Optional.empty() : Optional.of(summaries.get(key)[0] / baseline[0]);
    }

    /** exp of the mean log of the first {@code steps} values (fewer if the curve is shorter). */
    static double geometricMean(double[] curve, int steps) {
        int n = Math.min(steps, curve.length);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += Math.log(curve[t]);
        }
        return Math.exp(sum / n);
    }

    /** Mean and the 95 % confidence interval of the mean (Student's t); NaN bounds for one value. */
    static double[] meanAndInterval(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double value : values) {
            mean += value / n;
        }
        if (n < 2) {
            return new double[] {mean, Double.NaN, Double.NaN};
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double half = (n - 1 <= T975.length ? T975[n - 2] : 1.96) * Math.sqrt(squares / (n - 1) / n);
        return new double[] {mean, mean - half, mean + half};
    }

    private static double[] mean(List<double[]> curves) {
        int length = curves.stream().mapToInt(c -> c.length).min().orElse(0);
        double[] mean = new double[length];
        for (double[] curve : curves) {
            for (int t = 0; t < length; t++) {
                mean[t] += curve[t] / curves.size();
            }
        }
        return mean;
    }

    private static double[] extreme(List<double[]> curves, boolean highest) {
        int length = curves.stream().mapToInt(c -> c.length).min().orElse(0);
        double[] extreme = new double[length];
        for (int t = 0; t < length; t++) {
            extreme[t] = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double[] curve : curves) {
                extreme[t] = highest ? Math.max(extreme[t], curve[t]) : Math.min(extreme[t], curve[t]);
            }
        }
        return extreme;
    }

    private static double[] column(Path evaluation, String metric) {
        List<String> lines = lines(evaluation, "study report: cannot read " + evaluation);
        int m = StudyTable.cells(lines.get(0)).indexOf(metric);
        if (m < 1) {
            throw new IllegalArgumentException("--metric: the evaluations hold " + StudyTable.cells(lines.get(0))
                    .subList(1, StudyTable.cells(lines.get(0)).size()) + ", not '" + metric + "'");
        }
        return lines.stream().skip(1).mapToDouble(line -> Double.parseDouble(StudyTable.cells(line).get(m))).toArray();
    }

    /** {@code loss.csv}'s steps and losses. */
    private static List<double[]> lossColumns(Path file) {
        List<String> lines = lines(file, "study report: cannot read " + file);
        double[] steps = new double[lines.size() - 1];
        double[] losses = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            steps[i - 1] = Double.parseDouble(cells[0]);
            losses[i - 1] = Double.parseDouble(cells[1]);
        }
        return List.of(steps, losses);
    }

    private static List<String> lines(Path file, String error) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(error + " (" + e.getMessage() + ")", e);
        }
    }

    private static String label(List<String> axes, List<String> values) {
        if (axes.isEmpty()) {
            return "all runs";
        }
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            parts.add(axes.get(a) + "=" + values.get(a));
        }
        return String.join(", ", parts);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
