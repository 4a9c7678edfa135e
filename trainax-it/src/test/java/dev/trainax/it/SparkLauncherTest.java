package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/trainax-spark}: the command line with the spark executor, as the README shows it. */
class SparkLauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root"));

    @Test
    void aStudyRunsOnLocalSparkThroughTheLauncher(@TempDir Path folder) throws Exception {
        Path study = Files.writeString(folder.resolve("study.yaml"), """
                base:
                  data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
                  network: {id: conv1d}
                  configuration: {id: supervised, numRolloutSteps: 1}
                  optimizer: {name: adam, learningRate: 0.01}
                  training: {numTrainingSteps: 4, batchSize: 4}
                evaluation: {numSamples: 2, temporalHorizon: 3}
                grid: {training.seed: [0, 1]}
                output: %s
                """.formatted(folder.resolve("study")));
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/trainax-spark").toString(), "study",
                study.toString(), "--executor", "spark:master=local[1]").directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "launcher timed out");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("on SparkExecutor[master=local[1]"), output);
        assertTrue(output.contains("2 of 2 runs done, 0 failed"), output);
        assertEquals(2, output.lines().filter(line -> line.matches("run [0-9a-f]{12}: done, .*")).count(), output);
        try (Stream<Path> parquet = Files.list(folder.resolve("study/results.parquet"))) {
            assertTrue(parquet.anyMatch(file -> file.getFileName().toString().endsWith(".parquet")));
        }
    }
}
