package dev.trainax.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingView;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.callbacks.StudyProgressMetrics;
import dev.trainax.callbacks.TrainingMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every metric the shipped Grafana dashboard queries is one that {@link TrainingMetrics} or
 * {@link StudyProgressMetrics} exports.
 */
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

            public INDArray batch() {
                return Nd4j.zeros(4, 2);
            }

            public double learningRate() {
                return 0.1;
            }

            public LossAndGradient evaluate(Configuration configuration) {
                throw new UnsupportedOperationException();
            }

            public void stop(String reason) {
                throw new UnsupportedOperationException();
            }
        };
        metrics.onStep(view);
        metrics.onStep(view);
        StudyProgressMetrics.register(registry, "study", state -> 1);
        String exported = registry.scrape();
        // Surefire runs in the module's folder, which holds the dashboard
        String json = Files.readString(Path.of("grafana", "trainax-training-dashboard.json"));
        Matcher metric = Pattern.compile("trainax_[a-z_]+").matcher(json);
        int found = 0;
        while (metric.find()) {
            found++;
            assertTrue(exported.contains(metric.group() + "{"), metric.group() + " is not exported:\n" + exported);
        }
        assertTrue(found >= 10, "the dashboard queries " + found + " metrics");
    }
}
