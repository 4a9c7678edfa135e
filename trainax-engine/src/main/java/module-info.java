/**
 * The SameDiff engine: compiles a configuration's loss program into one SameDiff graph per
 * training problem and evaluates the loss and its exact reverse-mode gradient. Exports nothing;
 * applications find it through {@link dev.trainax.api.plugin.EngineProvider} (id {@code samediff}).
 */
module dev.trainax.engine {
    requires dev.trainax.api;
    requires jdk.unsupported;

    provides dev.trainax.api.plugin.EngineProvider with dev.trainax.engine.SameDiffEngineProvider;
}
