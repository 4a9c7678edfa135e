package dev.trainax.callbacks;

import dev.trainax.api.Callback;
import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several callbacks under one name: runs every step and records a map from each due part's name
 * to its result (later parts overwrite earlier ones of the same name, as Trainax merges them).
 */
public final class CompositeCallback extends BaseCallback {

    private final List<Callback> parts;

    /**
     * @param parts the callbacks, at least one
     * @param name  key of the merged results
     */
    public CompositeCallback(List<Callback> parts, String name) {
        super(1, name);
        Require.that(parts != null && !parts.isEmpty(), "parts", "must contain at least one callback");
        this.parts = List.copyOf(parts);
    }

    @Override
    public Object onStep(TrainingView view) {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Callback part : parts) {
            if (view.updateStep() % part.every() == 0) {
                Object value = part.onStep(view);
                if (value != null) {
                    results.put(part.name(), value);
                }
            }
        }
        return results.isEmpty() ? null : results;
    }
}
