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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study under the spark executor (Spark in this JVM) gives what the embedded executor gives, bit for bit. */
class SparkStudyTest {

    static final String STUDY = """
            base:
              data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
              network: {id: conv1d}
              configuration: {id: supervised, numRolloutSteps: 1}
              optimizer: {name: adam, learningRate: 0.01}
              training: {numTrainingSteps: 8, batchSize: 4, checkpointEvery: 2}
            evaluation: {numSamples: 3, temporalHorizon: 5}
            grid:
              configuration.numRolloutSteps: [1, 2]
              training.seed: [0, 1]
            output: OUT
            """;

    @TempDir
    Path folder;

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path study(Path folder, String name) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        Files.writeString(file, STUDY.replace("OUT", folder.resolve(name).toString()));
        return file;
    }

    @Test
    void sparkRunsEqualEmbeddedRunsBitForBit() throws Exception {
        run("study", study(folder, "embedded").toString(), "--parallel", "1");
        String spark = run("study", study(folder, "spark").toString(), "--executor", "spark:master=local[2]");
        assertTrue(spark.contains("4 of 4 runs done, 0 failed"), spark);
        // the tasks trained Spark's copies of the run task, which print nothing: the outcomes come after
        assertEquals(4, spark.lines().filter(line -> line.matches("run [0-9a-f]{12}: done, nrmse at step 1 .*"))
                .count(), spark);
        List<Path> embeddedFiles = files(folder.resolve("embedded"));
        assertEquals(embeddedFiles.stream().map(folder.resolve("embedded")::relativize).toList(),
                files(folder.resolve("spark")).stream().map(folder.resolve("spark")::relativize).toList());
        for (Path file : embeddedFiles) {
            Path relative = folder.resolve("embedded").relativize(file);
            if (relative.getFileName().toString().endsWith(".safetensors")
                    || relative.toString().startsWith("evaluations") || relative.toString().equals("results.csv")) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(folder.resolve("spark").resolve(relative)),
                        relative.toString());
            }
        }
        try (Stream<Path> parquet = Files.list(folder.resolve("spark/results.parquet"))) {
            assertTrue(parquet.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
        }
        assertTrue(run("study", study(folder, "spark").toString(), "--executor", "spark:master=local[2]")
                .contains("4 runs, 4 done, 0 to run"));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("results.parquet")).sorted()
                    .toList();
        }
    }
}
