package dev.trainax.engine;

import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.EngineProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import java.util.List;

/** Provides the {@code samediff} engine. */
public final class SameDiffEngineProvider implements EngineProvider {

    @Override
    public String id() {
        return "samediff";
    }

    @Override
    public String description() {
        return "One SameDiff graph per training problem; exact reverse-mode gradients with in-graph stop-gradient cuts";
    }

    @Override
    public List<PluginParameter> parameters() {
        return List.of();
    }

    @Override
    public Engine create(PluginArguments arguments) {
        return new SameDiffEngine();
    }
}
