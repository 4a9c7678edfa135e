/**
 * The compatibility kit every configuration plugin should pass: the engine's gradient against
 * central finite differences in float64, and loss/gradient equality between two configurations
 * that must agree. It finds the engine through {@link dev.trainax.api.plugin.EngineProvider}.
 */
module dev.trainax.testkit {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.testkit;
}
