/**
 * Training callbacks (save, get, weight and gradient norms, other configurations' losses,
 * composites, early stopping, a NaN guard) and Micrometer metrics for any registry; exporters
 * such as {@code dev.trainax.metrics.prometheus} live in their own modules. Exported for
 * plain-Java users; the spec-configurable callbacks are
 * {@link dev.trainax.api.plugin.CallbackProvider} plugins.
 */
module dev.trainax.callbacks {
    requires dev.trainax.api;
    requires micrometer.core;
    requires jdk.unsupported;

    exports dev.trainax.callbacks;

    provides dev.trainax.api.plugin.CallbackProvider with
            dev.trainax.callbacks.CallbackProviders.SaveNetworkProvider,
            dev.trainax.callbacks.CallbackProviders.GetNetworkProvider,
            dev.trainax.callbacks.CallbackProviders.WeightNormProvider,
            dev.trainax.callbacks.CallbackProviders.GradNormProvider,
            dev.trainax.callbacks.CallbackProviders.ConfigurationLossProvider,
            dev.trainax.callbacks.CallbackProviders.EarlyStoppingProvider,
            dev.trainax.callbacks.CallbackProviders.NonFiniteGuardProvider;
}
