package dev.trainax.engine;

import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.EngineProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;

/** Provides the {@code samediff} engine; its parameters are the components of {@link SameDiffEngine.Options}. */
public final class SameDiffEngineProvider extends RecordProvider<SameDiffEngine.Options, Engine>
        implements EngineProvider {

    /** Service constructor. */
    public SameDiffEngineProvider() {
        super("samediff",
                "One SameDiff graph per training problem; exact reverse-mode gradients, cuts fed from a value pass",
                SameDiffEngine.Options.class, MethodHandles.lookup(), SameDiffEngine::new);
    }
}
