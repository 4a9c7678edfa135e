package dev.trainax.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Table rows for medians measured in rounds that alternate ours and the peer's. */
final class Rounds {

    /** Rounds of ours alternating with the peer's, per workload. */
    static final int COUNT = 5;

    private Rounds() {
    }

    /**
     * {@code | workload | r | ours | peer | ratio |}: each the median over the rounds, with the
     * rounds' values in brackets; the ratio is the median of the rounds' ratios (round i of ours
     * against round i of the peer's); "n/a" without peer values.
     */
    static void row(String workload, int r, List<Double> ours, List<Double> peers) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(ours.size(), peers.size()); round++) {
            ratios.add(ours.get(round) / peers.get(round));
        }
        System.out.printf("| %s | %d | %s | %s | %s |%n", workload, r, summary(ours, "%.2f"),
                peers.isEmpty() ? "n/a" : summary(peers, "%.2f"), ratios.isEmpty() ? "n/a" : summary(ratios, "%.2f"));
    }

    /** The median of {@code values} in {@code format}, then all of them in brackets unless there is one. */
    static String summary(List<Double> values, String format) {
        String median = String.format(format, median(values));
        return values.size() == 1 ? median : median + " (" + values.stream().map(v -> String.format(format, v))
                .collect(Collectors.joining(", ")) + ")";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
