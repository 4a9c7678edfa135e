package dev.trainax.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The first place where two resolved specs differ, ignoring what may change between a run and its
 * resumption: the number of update steps, the output folder and the metrics port.
 */
final class SpecDiff {

    private static final Set<String> MAY_CHANGE = Set.of("spec.training.numTrainingSteps", "spec.output",
            "spec.metricsPort");

    private SpecDiff() {
    }

    /** {@code "<path>: <before>, now <after>"} at the first difference, or empty. */
    static Optional<String> firstDifference(Object before, Object after) {
        return difference("spec", before, after);
    }

    private static Optional<String> difference(String path, Object before, Object after) {
        if (MAY_CHANGE.contains(path)) {
            return Optional.empty();
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            Set<Object> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (Object key : keys) {
                Optional<String> found = difference(path + "." + key, a.get(key), b.get(key));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (before instanceof List<?> a && after instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                Optional<String> found = difference(path + "[" + i + "]", a.get(i), b.get(i));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return Objects.equals(String.valueOf(before), String.valueOf(after)) ? Optional.empty()
                : Optional.of(path + ": the checkpoint's run had " + before + ", now " + after);
    }
}
