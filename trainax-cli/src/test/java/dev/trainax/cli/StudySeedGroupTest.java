package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds of one experiment (runs differing only in training.initSeed) train member-batched. */
class StudySeedGroupTest {

    private static final String STUDY = """
            base:
              data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
              network: {id: conv1d}
              configuration: {id: supervised, numRolloutSteps: 2}
              optimizer: {name: adam, learningRate: 0.01}
              training: {numTrainingSteps: STEPS, batchSize: 4, checkpointEvery: 10}
            evaluation: {numSamples: 3, temporalHorizon: 5}
            grid: {training.initSeed: [0, 1, 2]}
            output: OUT
            """;

    @TempDir
    Path folder;

    private String stdout;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path study(String name, int steps) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        Files.writeString(file, STUDY.replace("STEPS", Integer.toString(steps))
                .replace("OUT", folder.resolve(name).toString()));
        return file;
    }

    private List<String> values(String study) throws IOException {
        return Files.readAllLines(folder.resolve(study).resolve("results.csv"));
    }

    @Test
    void seedsTrainTogetherAndEqualSeparateRunsUpToRounding() throws Exception {
        assertEquals(0, run("study", study("batched", 30).toString(), "--dry-run"), stdout);
        assertTrue(stdout.contains("1 seed groups train member-batched"), stdout);
        assertEquals(0, run("study", study("batched", 30).toString()), stdout);
        assertEquals(3, stdout.lines().filter(line -> line.matches("run [0-9a-f]{12}: done, nrmse .*")).count(),
                stdout);
        assertEquals(0, run("study", study("alone", 30).toString(), "--no-member-batching"), stdout);

        List<String> batched = values("batched");
        List<String> alone = values("alone");
        assertEquals(1 + 3 * 5 * 2, batched.size());
        for (int row = 1; row < batched.size(); row++) {
            String[] b = batched.get(row).split(",");
            String[] a = alone.get(row).split(",");
            assertEquals(String.join(",", List.of(a).subList(0, 5)), String.join(",", List.of(b).subList(0, 5)));
            // float32 members in one batched computation: equal to separate runs up to rounding
            assertEquals(Double.parseDouble(a[5]), Double.parseDouble(b[5]), 1e-6, batched.get(row));
        }
        for (String id : ids("batched")) {
            assertTrue(Files.readString(folder.resolve("batched/logs/" + id + ".log"))
                    .startsWith("training 3 seeds of Conv1d"), id);
            assertTrue(Files.readString(folder.resolve("alone/logs/" + id + ".log")).startsWith("training Conv1d"), id);
            assertTrue(RunFolder.isRun(folder.resolve("batched/runs/" + id)), id);
        }
        try (Stream<Path> groups = Files.list(folder.resolve("batched/groups"))) {
            assertEquals(0, groups.count(), "a finished group's checkpoints are removed");
        }
        assertEquals(0, run("study", study("batched", 30).toString()), stdout);
        assertTrue(stdout.contains("3 runs, 3 done, 0 to run"), stdout);
    }

    /**
     * A study killed (its JVM, forcibly) while a seed group trains resumes the group from its
     * checkpoint and ends bit for bit where an uninterrupted study ends.
     */
    @Test
    void aKilledSeedGroupResumesFromItsCheckpointBitForBit() throws Exception {
        int steps = 600;
        Path killed = study("killed", steps);
        Process child = childStudy(killed);
        Path checkpoints = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (checkpoints == null && child.isAlive() && System.nanoTime() < deadline) {
                checkpoints = firstCheckpoint(folder.resolve("killed/groups"));
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertTrue(checkpoints != null, "the child wrote no group checkpoint: "
                + Files.readString(folder.resolve("child.log")));
        assertEquals(0, run("study", "status", folder.resolve("killed").toString()), stdout);
        assertTrue(stdout.contains("3 runs: 0 done, 3 running or interrupted, 0 failed, 0 pending"), stdout);

        assertEquals(0, run("study", killed.toString()), stdout);
        String id = ids("killed").get(0);
        String log = Files.readString(folder.resolve("killed/logs/" + id + ".log"));
        assertTrue(log.matches("(?s)training 3 seeds of .*, resuming after update step [1-9][0-9]*\n.*"), log);
        assertFalse(log.contains("resuming after update step " + steps), log);

        assertEquals(0, run("study", study("whole", steps).toString()), stdout);
        for (String run : ids("whole")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("whole/runs/" + run + "/parameters.safetensors")),
                    Files.readAllBytes(folder.resolve("killed/runs/" + run + "/parameters.safetensors")), run);
        }
        assertEquals(values("whole"), values("killed"));
    }

    private List<String> ids(String study) throws IOException {
        return Files.readAllLines(folder.resolve(study).resolve("runs.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    /** {@code trainax study STUDY} in its own JVM, everything on the class path. */
    private Process childStudy(Path study) throws IOException {
        String classPath = String.join(File.pathSeparator, Stream.of(System.getProperty("java.class.path", ""),
                System.getProperty("jdk.module.path", "")).filter(path -> !path.isEmpty()).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", classPath, "dev.trainax.cli.Main", "study", study.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** A checkpoint file of the group in {@code groups}, once one is complete. */
    private static Path firstCheckpoint(Path groups) throws IOException {
        if (!Files.isDirectory(groups)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(groups)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".safetensors")).findFirst()
                    .orElse(null);
        } catch (java.io.UncheckedIOException e) {
            return null; // a temporary file renamed while listed
        }
    }
}
