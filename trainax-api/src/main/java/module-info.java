/**
 * The stable SPI of Trainax for Java: steppers, residua, time-level losses, configurations and the
 * algebra they program against, engines, callbacks, and one {@link java.util.ServiceLoader} provider
 * interface per plugin kind together with the registry that discovers them.
 *
 * <p>ND4J lives on the class path (its module descriptors are broken), so this module reads the
 * unnamed module and needs {@code jdk.unsupported} for JavaCPP. Every public type carries its
 * stability in an {@code @API} annotation (apiguardian, as JUnit 5 does): {@code STABLE} types change
 * only in a new major version, {@code EXPERIMENTAL} ones may change in a minor version.
 */
module dev.trainax.api {
    requires jdk.unsupported;
    requires java.logging;
    requires static transitive org.apiguardian.api;

    exports dev.trainax.api;
    exports dev.trainax.api.engine;
    exports dev.trainax.api.plugin;
    // argument checks and atomic files for our modules, marked @API(status = INTERNAL): not part of the plugin
    // contract. Exported to everyone because our modules also run from the class path (tests, applications).
    exports dev.trainax.api.internal;

    uses dev.trainax.api.plugin.LossProvider;
    uses dev.trainax.api.plugin.ConfigurationProvider;
    uses dev.trainax.api.plugin.NetworkProvider;
    uses dev.trainax.api.plugin.ReferenceStepperProvider;
    uses dev.trainax.api.plugin.ResiduumProvider;
    uses dev.trainax.api.plugin.CallbackProvider;
    uses dev.trainax.api.plugin.EngineProvider;
    uses dev.trainax.api.plugin.DataSourceProvider;
    uses dev.trainax.api.plugin.MetricProvider;
    uses dev.trainax.api.plugin.ScenarioProvider;
    uses dev.trainax.api.plugin.StudyExecutorProvider;
}
