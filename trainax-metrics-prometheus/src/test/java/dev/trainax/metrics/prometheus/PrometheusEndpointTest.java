package dev.trainax.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The endpoint serves the Prometheus text format on loopback. */
class PrometheusEndpointTest {

    @Test
    void servesTheRegistryOnLoopback() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("trainax.train.steps", "run", "r1", "configuration", "supervised").increment(3);
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, 0)) {
            assertTrue(endpoint.url().startsWith("http://127.0.0.1:"), endpoint.url());
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint.url()).toURL().openConnection();
            assertEquals(200, connection.getResponseCode());
            assertTrue(connection.getContentType().startsWith("text/plain; version=0.0.4"));
            String body = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("trainax_train_steps_total{configuration=\"supervised\",run=\"r1\",} 3.0"), body);
        }
    }
}
