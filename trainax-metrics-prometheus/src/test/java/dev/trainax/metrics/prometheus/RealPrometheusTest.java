package dev.trainax.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.TrainingView;
import dev.trainax.callbacks.BaseCallback;
import dev.trainax.callbacks.TrainingMetrics;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.Trainer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's package; {@code .ci/run} installs it) scrapes the endpoint of
 * a short training run on loopback; the loss series read back through Prometheus' HTTP query API
 * must decrease.
 */
class RealPrometheusTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @Test
    void prometheusScrapesADecreasingLoss(@TempDir Path folder) throws Exception {
        boolean inCi = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(PROMETHEUS)) {
            Assumptions.assumeTrue(inCi, "Prometheus is not installed (apt-get install prometheus); CI installs it");
            throw new AssertionError("CI must install Prometheus at " + PROMETHEUS);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, 0)) {
            int prometheusPort = freePort();
            Files.writeString(folder.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 500ms
                    scrape_configs:
                      - job_name: trainax
                        scrape_interval: 500ms
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(endpoint.port()));
            Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                    "--config.file=" + folder.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + folder.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + prometheusPort;
                waitUntilReady(base + "/-/ready", prometheus);
                long start = System.currentTimeMillis() / 1000 - 1;
                Conv1d conv = new Conv1d(1, 1, 2, false);
                // holds step 1 until Prometheus has scraped the first loss twice, so the series starts early
                Callback awaitScrapes = new BaseCallback(1, "await_scrapes") {
                    @Override
                    public Object onStep(TrainingView view) {
                        if (view.updateStep() == 1) {
                            awaitScrapes(endpoint, endpoint.scrapes() + 2);
                        }
                        return null;
                    }
                };
                Trainer.of(Supervised.of(1)).trajectories(Advection1d.periodic(30, 20, -0.75, 5, 100, 0))
                        .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(2000).batchSize(32)
                        .callbacks(List.of(new TrainingMetrics(registry, "it", "supervised"), awaitScrapes)).build()
                        .train(conv, conv.initialParameters(73), 42);
                awaitScrapes(endpoint, endpoint.scrapes() + 2);
                long end = System.currentTimeMillis() / 1000 + 1;
                // the gauge reads 0 until the first step, and Prometheus scrapes while ND4J starts: keep only
                // samples taken once a step was counted
                String query = base + "/api/v1/query_range?query="
                        + URLEncoder.encode("trainax_train_loss{run=\"it\",configuration=\"supervised\"}"
                                + " and on(run, configuration) trainax_train_steps_total > 0", StandardCharsets.UTF_8)
                        + "&start=" + start + "&end=" + end + "&step=0.5";
                List<Double> series = values(get(query));
                assertTrue(series.size() >= 3, "scraped samples: " + series + "\n" + Files.readString(
                        folder.resolve("prometheus.log")));
                assertTrue(series.get(series.size() - 1) < series.get(0) / 10, "loss series " + series);
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitScrapes(PrometheusEndpoint endpoint, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (endpoint.scrapes() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("prometheus scraped only " + endpoint.scrapes() + " times");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntilReady(String url, Process prometheus) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!prometheus.isAlive()) {
                throw new AssertionError("prometheus exited with " + prometheus.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready after 20 s");
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        return new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The sample values of the first series of a query_range answer, in time order. */
    private static List<Double> values(String json) {
        List<Double> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\[[0-9.]+,\"([^\"]+)\"]").matcher(json);
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(1)));
        }
        return values;
    }
}
