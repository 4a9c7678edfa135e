/**
 * Rollout metrics after APEBench: MAE, MSE, RMSE, their normalised forms, the Pearson correlation,
 * the band-limited Fourier nRMSE and the normalised H1 error. The package is exported for
 * plain-Java users who construct metrics; applications find them through
 * {@link dev.trainax.api.plugin.MetricProvider}.
 */
module dev.trainax.evaluation {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.evaluation;

    provides dev.trainax.api.plugin.MetricProvider with
            dev.trainax.evaluation.MetricProviders.MaeProvider,
            dev.trainax.evaluation.MetricProviders.MseProvider,
            dev.trainax.evaluation.MetricProviders.RmseProvider,
            dev.trainax.evaluation.MetricProviders.NmaeProvider,
            dev.trainax.evaluation.MetricProviders.NmseProvider,
            dev.trainax.evaluation.MetricProviders.NrmseProvider,
            dev.trainax.evaluation.MetricProviders.CorrelationProvider,
            dev.trainax.evaluation.MetricProviders.FourierNrmseProvider,
            dev.trainax.evaluation.MetricProviders.H1NrmseProvider;
}
