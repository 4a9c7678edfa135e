/**
 * The compatibility kits every plugin should pass, as abstract JUnit 5 classes that a plugin's test
 * extends by supplying instances: {@code ConfigurationKit}, {@code LossKit}, {@code NetworkKit},
 * {@code ReferenceStepperKit}, {@code ResiduumKit}, {@code MetricKit} and, for engines, {@code EngineKit}. Under them
 * lie the engine's gradient against central finite differences in float64 ({@code GradientCheck}),
 * ensemble members evaluated together against members evaluated alone ({@code EnsembleCheck}),
 * seeded random arrays ({@code RandomArrays}) and the kits' own tiny network, reference stepper,
 * residuum and loss ({@code Tiny}). The kits find the engine through
 * {@link dev.trainax.api.plugin.EngineProvider}.
 *
 * <p>Like ND4J, JUnit stays on the class path and this module reads the unnamed module: a module
 * that required JUnit's would pull part of JUnit onto the module path of every test run that
 * resolves this module, where JUnit's launcher, left on the class path, can no longer read it.
 */
module dev.trainax.testkit {
    requires transitive dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.testkit;

    uses dev.trainax.api.plugin.EngineProvider;
}
