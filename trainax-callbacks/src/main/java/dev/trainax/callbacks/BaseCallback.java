package dev.trainax.callbacks;

import dev.trainax.api.Callback;
import dev.trainax.api.internal.Require;

/** A callback's interval and name, validated once. */
public abstract class BaseCallback implements Callback {

    private final int every;
    private final String name;

    /**
     * @param every interval in update steps, ≥ 1
     * @param name  key of the results, non-blank
     */
    protected BaseCallback(int every, String name) {
        this.every = Require.atLeast("every", every, 1);
        Require.that(name != null && !name.isBlank(), "name", "must be non-blank, got '" + name + "'");
        this.name = name;
    }

    @Override
    public final int every() {
        return every;
    }

    @Override
    public final String name() {
        return name;
    }
}
