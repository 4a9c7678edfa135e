package dev.trainax.cli;

import java.util.Map;

/**
 * One run of a study: its stable id (from its resolved spec), the axis values that made it, its
 * spec, its training seed and its seed group.
 *
 * @param id        the first 12 hex digits of the SHA-256 of the resolved spec: equal specs, equal ids
 * @param axes      spec path → value, in the study's axis order
 * @param spec      the run's spec, scenario merged in, without an output folder
 * @param seed      the training seed
 * @param seedGroup runs with equal seed groups differ only in {@code training.initSeed} and can train
 *                  member-batched (the id of the resolved spec without it); null when the run cannot
 *                  (its network does not batch members, it has callbacks or a warm start)
 */
record StudyRun(String id, Map<String, Object> axes, RunSpec spec, int seed, String seedGroup) {

    /** The axis values as {@code path=value} pairs, for messages. */
    String label() {
        return label(axes);
    }

    /** {@code axes} as {@code path=value} pairs. */
    static String label(Map<String, Object> axes) {
        StringBuilder label = new StringBuilder();
        axes.forEach((path, value) -> label.append(label.length() == 0 ? "" : ", ").append(path).append('=')
                .append(StudyTable.text(value)));
        return label.length() == 0 ? "the base spec" : label.toString();
    }
}
