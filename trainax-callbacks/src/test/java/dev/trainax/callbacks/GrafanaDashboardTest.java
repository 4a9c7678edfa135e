package dev.trainax.callbacks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingView;
import dev.trainax.api.engine.LossAndGradient;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Every metric the shipped Grafana dashboard queries is one that {@link TrainingMetrics} exports. */
class GrafanaDashboardTest {

    @Test
    void theDashboardQueriesExportedMetrics() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TrainingMetrics metrics = new TrainingMetrics(registry, "r", "supervised");
        TrainingView view = new TrainingView() {
            private final Parameters parameters = Parameters.of(Map.of("w", Nd4j.ones(2)));

            public int updateStep() {
                return 0;
            }

            public Parameters parameters() {
                return parameters;
            }

            public double loss() {
                return 1;
            }

            public Parameters gradient() {
                return parameters;
            }

            public org.nd4j.linalg.api.ndarray.INDArray batch() {
                return Nd4j.zeros(4, 2);
            }

            public double learningRate() {
                return 0.1;
            }

            public LossAndGradient evaluate(dev.trainax.api.Configuration configuration) {
                throw new UnsupportedOperationException();
            }

            public void stop(String reason) {
                throw new UnsupportedOperationException();
            }
        };
        metrics.onStep(view);
        metrics.onStep(view);
        String exported = registry.scrape();
        Path dashboard = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "grafana",
                "trainax-training-dashboard.json");
        if (!Files.exists(dashboard)) {
            dashboard = Path.of("..", "docs", "grafana", "trainax-training-dashboard.json");
        }
        String json = Files.readString(dashboard);
        Matcher metric = Pattern.compile("trainax_[a-z_]+").matcher(json);
        int found = 0;
        while (metric.find()) {
            found++;
            assertTrue(exported.contains(metric.group() + "{"), metric.group() + " is not exported:\n" + exported);
        }
        assertTrue(found >= 8, "the dashboard queries " + found + " metrics");
    }
}
