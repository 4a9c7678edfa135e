/**
 * The compatibility kit every plugin should pass: the engine's gradient against central finite
 * differences in float64 ({@code GradientCheck}), and ensemble members evaluated together equal to
 * members evaluated alone ({@code EnsembleCheck}, for {@code MemberBatchedNetwork}s), and seeded
 * random arrays for reproducible data ({@code RandomArrays}). It finds the engine through
 * {@link dev.trainax.api.plugin.EngineProvider}.
 */
module dev.trainax.testkit {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.testkit;
}
