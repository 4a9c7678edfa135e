package dev.trainax.trainers;

import dev.trainax.api.Callback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one member's run: parameters, optimizer state, recorded losses and callback results. */
record MemberRun(FlatParameters flat, OptimizerState state, double[] losses, Map<String, List<Object>> history) {

    MemberRun(FlatParameters flat, OptimizerState state, double[] losses, List<Callback> callbacks) {
        this(flat, state, losses, new LinkedHashMap<>());
        callbacks.forEach(c -> history.put(c.name(), new ArrayList<>()));
    }
}
