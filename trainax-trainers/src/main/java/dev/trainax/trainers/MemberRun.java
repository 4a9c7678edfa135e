package dev.trainax.trainers;

import dev.trainax.api.Callback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one member's run: parameters, optimizer state, recorded losses and callback results. */
final class MemberRun {
    private final FlatParameters flat;
    private final OptimizerState state;
    private final double[] losses;
    private final Map<String, List<Object>> history = new LinkedHashMap<>();
    private double lastLoss;

    /** A member with the results {@code earlier} of a run it continues (empty for a fresh one). */
    MemberRun(FlatParameters flat, OptimizerState state, double[] losses, List<Callback> callbacks,
              Map<String, List<Object>> earlier, double lastLoss) {
        this.flat = flat;
        this.state = state;
        this.losses = losses;
        this.lastLoss = lastLoss;
        callbacks.forEach(c -> history.put(c.name(), new ArrayList<>(earlier.getOrDefault(c.name(), List.of()))));
    }

    FlatParameters flat() {
        return flat;
    }

    OptimizerState state() {
        return state;
    }

    double[] losses() {
        return losses;
    }

    Map<String, List<Object>> history() {
        return history;
    }

    /** The loss of the last update step taken. */
    double lastLoss() {
        return lastLoss;
    }

    void lastLoss(double value) {
        lastLoss = value;
    }
}
