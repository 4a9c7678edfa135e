package dev.trainax.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a real Spark standalone cluster (master and workers as separate JVMs on loopback):
 * the worker is killed with its executor while runs train, a new worker joins, and the study
 * still completes with every run equal, bit for bit, to the same study under the embedded
 * executor: Spark retries the lost tasks and the runs resume from their checkpoints.
 */
class SparkStandaloneClusterTest {

    private static final String STUDY = """
            base:
              data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
              network: {id: conv1d}
              configuration: {id: supervised, numRolloutSteps: 2}
              optimizer: {name: adam, learningRate: 0.001}
              training: {numTrainingSteps: 4000, batchSize: 4, checkpointEvery: 200}
            evaluation: {numSamples: 3, temporalHorizon: 5}
            grid:
              training.seed: [0, 1, 2, 3]
            output: OUT
            """;

    @TempDir
    Path folder;

    @BeforeEach
    void loopback() {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    @AfterEach
    void clear() {
        System.clearProperty("spark.driver.host");
        System.clearProperty("spark.driver.bindAddress");
    }

    @Test
    void aStudySurvivesALostWorker() throws Exception {
        Files.writeString(folder.resolve("embedded.yaml"), STUDY.replace("OUT", folder.resolve("embedded").toString()));
        Files.writeString(folder.resolve("cluster.yaml"), STUDY.replace("OUT", folder.resolve("cluster").toString()));
        assertEquals(0, run("study", folder.resolve("embedded.yaml").toString(), "--parallel", "2"));

        try (StandaloneCluster cluster = new StandaloneCluster(folder)) {
            Process first = cluster.startWorker(2);
            CompletableFuture<Integer> study = CompletableFuture.supplyAsync(() -> run("study",
                    folder.resolve("cluster.yaml").toString(), "--executor", "spark:master=" + cluster.url()));
            awaitCheckpoint(folder.resolve("cluster/runs"), study);
            StandaloneCluster.kill(first);
            cluster.startWorker(2);
            assertEquals(0, study.get(), "the study after the lost worker");
            assertTrue(cluster.launchedExecutors(1), "the runs left went on on the new worker");
        }

        List<String> ids = Files.readAllLines(folder.resolve("cluster/runs.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(4, ids.size());
        for (String id : ids) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("embedded/runs/" + id + "/parameters.safetensors")),
                    Files.readAllBytes(folder.resolve("cluster/runs/" + id + "/parameters.safetensors")), id);
            assertArrayEquals(Files.readAllBytes(folder.resolve("embedded/evaluations/" + id + ".csv")),
                    Files.readAllBytes(folder.resolve("cluster/evaluations/" + id + ".csv")), id);
        }
        assertArrayEquals(Files.readAllBytes(folder.resolve("embedded/results.csv")),
                Files.readAllBytes(folder.resolve("cluster/results.csv")));
    }

    /** Waits until some run has written a checkpoint: training is under way on the cluster. */
    private static void awaitCheckpoint(Path runs, CompletableFuture<Integer> study) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (study.isDone()) {
                throw new IllegalStateException("the study ended before any checkpoint: " + study.get());
            }
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.walk(runs)) {
                    if (files.anyMatch(p -> p.getFileName().toString().endsWith(".safetensors")
                            && p.toString().contains(".partial"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no run wrote a checkpoint on the cluster within 180 s; logs:\n"
                + logs(runs.getParent().getParent()));
    }

    /** The ends of the cluster's logs (master, workers, executors), for a failure message. */
    private static String logs(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log") || p.getFileName().toString().equals("stderr"))
                    .toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("== ").append(log).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(code == 0, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return code;
    }
}
