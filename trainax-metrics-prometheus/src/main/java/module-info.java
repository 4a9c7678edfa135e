/**
 * The Prometheus exporter: serves a Micrometer {@code PrometheusMeterRegistry} (for instance the
 * one the callbacks' {@code TrainingMetrics} publishes to) at {@code /metrics} over HTTP. Kept out
 * of the callbacks so that applications on another monitoring backend carry no Prometheus client
 * and no HTTP server.
 */
module dev.trainax.metrics.prometheus {
    requires dev.trainax.api;
    requires micrometer.registry.prometheus;
    requires jdk.httpserver;

    exports dev.trainax.metrics.prometheus;
}
