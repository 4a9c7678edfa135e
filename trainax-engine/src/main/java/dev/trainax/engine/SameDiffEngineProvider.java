package dev.trainax.engine;

import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.EngineProvider;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;

/** Provides the {@code samediff} engine. */
public final class SameDiffEngineProvider extends SimpleProvider<Engine> implements EngineProvider {

    /** Service constructor. */
    public SameDiffEngineProvider() {
        super("samediff",
                "One SameDiff graph per training problem; exact reverse-mode gradients, cuts fed from a value pass",
                List.of(), arguments -> new SameDiffEngine());
    }
}
