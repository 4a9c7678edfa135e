package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.trainax.api.StudyExecutor;
import dev.trainax.callbacks.StudyProgressMetrics;
import dev.trainax.metrics.prometheus.PrometheusEndpoint;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study's progress and its runs' training metrics on a Prometheus endpoint (loopback). */
class StudyMetricsTest {

    @TempDir
    Path folder;

    private static String scrape(String url) {
        try {
            return new String(URI.create(url).toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double value(String body, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        assertTrue(matcher.find(), series + " in\n" + body);
        return Double.parseDouble(matcher.group(1));
    }

    private static double runs(String body, String study, String state) {
        return value(body, "trainax_study_runs{state=\"" + state + "\",study=\"" + study + "\",}");
    }

    @Test
    void gaugesFollowTheFolderFromScrapeToScrape() throws Exception {
        StudyFolder study = new StudyFolder(folder.resolve("advection"));
        StudyFolder.write(study.evaluation("a"), "step,nrmse\n1,0.1\n");
        StudyFolder.write(study.failure("b"), "boom\n");
        Files.createDirectories(study.run("c").resolveSibling("c.partial"));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> ids = List.of("a", "b", "c", "d");
        StudyProgressMetrics.register(registry, "advection", state -> study.count(ids, state));
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, 0)) {
            String before = scrape(endpoint.url());
            assertEquals(1, runs(before, "advection", "done"));
            assertEquals(1, runs(before, "advection", "failed"));
            assertEquals(1, runs(before, "advection", "running"));
            assertEquals(1, runs(before, "advection", "pending"));

            StudyFolder.write(study.evaluation("b"), "step,nrmse\n1,0.2\n");
            Files.createDirectories(study.run("d").resolveSibling("d.partial"));
            String after = scrape(endpoint.url());
            assertEquals(2, runs(after, "advection", "done"));
            assertEquals(0, runs(after, "advection", "failed"));
            assertEquals(2, runs(after, "advection", "running"));
            assertEquals(0, runs(after, "advection", "pending"));
        }
    }

    /** Scrapes the study's endpoint after each run: progress counts up and each run's steps appear. */
    @Test
    void aStudyServesItsProgressAndItsRunsTrainingMetrics() throws Exception {
        Path file = folder.resolve("study.yaml");
        Files.writeString(file, """
                base:
                  data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
                  network: {id: conv1d}
                  configuration: {id: supervised, numRolloutSteps: 1}
                  optimizer: {name: adam, learningRate: 0.01}
                  training: {numTrainingSteps: 6, batchSize: 4}
                evaluation: {numSamples: 2, temporalHorizon: 3}
                grid: {training.seed: [0, 1, 2]}
                output: %s
                """.formatted(folder.resolve("seeds")));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        List<String> scrapes = new ArrayList<>();
        StudyExecutor scraping = (runIds, task) -> {
            String url = text.toString().lines().filter(line -> line.startsWith("metrics: ")).findFirst()
                    .orElseThrow().substring("metrics: ".length());
            List<String> outcomes = new ArrayList<>();
            for (String id : runIds) {
                outcomes.add(task.run(id));
                scrapes.add(scrape(url));
            }
            return outcomes;
        };
        StudyJob job = Guice.createInjector(new CliModule()).getInstance(StudyJob.class);
        assertEquals(0, job.run(file, new StudyJob.Options(false, 0, true), scraping, out), text.toString());

        List<String> ids = Files.readAllLines(folder.resolve("seeds/runs.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        for (int done = 1; done <= 3; done++) {
            String body = scrapes.get(done - 1);
            assertEquals(done, runs(body, "seeds", "done"));
            assertEquals(3 - done, runs(body, "seeds", "pending"));
            assertEquals(0, runs(body, "seeds", "failed"));
            assertEquals(6, value(body, "trainax_train_steps_total{configuration=\"supervised\",run=\""
                    + ids.get(done - 1) + "\",}"));
        }
    }
}
