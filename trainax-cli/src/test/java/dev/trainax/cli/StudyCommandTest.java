package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** {@code trainax study}: runs expanded from axes, trained and evaluated, resumable and fault tolerant. */
class StudyCommandTest {

    private static final String BASE = """
            base:
              data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
              network: {id: conv1d}
              configuration: {id: supervised, numRolloutSteps: 1}
              optimizer: {name: adam, learningRate: 0.01}
              training: {numTrainingSteps: 8, batchSize: 4, checkpointEvery: 4}
              output: ignored
            evaluation: {numSamples: 3, temporalHorizon: 5}
            output: STUDY
            """;
    private static final String AXES = """
            grid:
              configuration.numRolloutSteps: [1, 2]
              training.seed: [0, 1]
            """;

    @TempDir
    Path folder;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path study(String text) throws IOException {
        Path file = folder.resolve("study.yaml");
        Files.writeString(file, text.replace("STUDY", folder.resolve("study").toString()));
        return file;
    }

    private List<String> ids() throws IOException {
        return Files.readAllLines(folder.resolve("study/runs.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    @Test
    void dryRunListsEveryCombinationAndWritesNothing() throws Exception {
        assertEquals(0, run("study", study(BASE + AXES).toString(), "--dry-run"), err.toString());
        List<String> lines = stdout().lines().toList();
        assertEquals(5, lines.size(), stdout());
        assertTrue(lines.get(1).contains("pending   configuration.numRolloutSteps=1, training.seed=0"), stdout());
        assertTrue(lines.get(4).contains("configuration.numRolloutSteps=2, training.seed=1"), stdout());
        assertFalse(Files.exists(folder.resolve("study")));
    }

    @Test
    void runsTrainEvaluateAndARelaunchRunsNothing() throws Exception {
        Path study = study(BASE + AXES);
        assertEquals(0, run("study", study.toString(), "--parallel", "2"), err.toString() + stdout());
        assertTrue(stdout().contains("4 of 4 runs done, 0 failed"), stdout());
        List<String> results = Files.readAllLines(folder.resolve("study/results.csv"));
        assertEquals("run,configuration.numRolloutSteps,training.seed,seed,metric,step,value", results.get(0));
        assertEquals(1 + 4 * 5 * 2, results.size());
        assertTrue(results.get(1).matches("[0-9a-f]{12},1,0,0,nrmse,1,[0-9.E-]+"), results.get(1));
        byte[] before = Files.readAllBytes(folder.resolve("study/results.csv"));

        assertEquals(0, run("study", study.toString()), err.toString());
        assertTrue(stdout().contains("4 runs, 4 done, 0 to run"), stdout());
        assertArrayEquals(before, Files.readAllBytes(folder.resolve("study/results.csv")));

        assertEquals(0, run("study", "status", folder.resolve("study").toString()), err.toString());
        assertTrue(stdout().contains("4 runs: 4 done, 0 running or interrupted, 0 failed, 0 pending"), stdout());
    }

    /** A run of the study trains what {@code trainax train} trains from the same spec, bit for bit. */
    @Test
    void aStudyRunEqualsTheSameSpecTrainedAlone() throws Exception {
        assertEquals(0, run("study", study(BASE + "grid: {training.seed: [3]}\n").toString()), err.toString());
        String id = ids().get(0);
        Path spec = folder.resolve("alone.yaml");
        Files.writeString(spec, """
                data: {id: advection-1d, numPoints: 16, numSamples: 4, temporalHorizon: 12}
                network: {id: conv1d}
                configuration: {id: supervised, numRolloutSteps: 1}
                optimizer: {name: adam, learningRate: 0.01}
                training: {numTrainingSteps: 8, batchSize: 4, checkpointEvery: 4, seed: 3}
                """);
        assertEquals(0, run("train", spec.toString(), "--output", folder.resolve("alone").toString()), err.toString());
        assertArrayEquals(Files.readAllBytes(folder.resolve("alone/parameters.safetensors")),
                Files.readAllBytes(folder.resolve("study/runs/" + id + "/parameters.safetensors")));
    }

    @Test
    void aFailingRunIsRecordedAndTheOthersFinish() throws Exception {
        Path study = study(BASE + "grid: {optimizer.learningRate: [0.01, 1.0e30]}\n");
        assertEquals(1, run("study", study.toString(), "--parallel", "1"), err.toString() + stdout());
        assertTrue(stdout().contains("1 of 2 runs done, 1 failed"), stdout());
        assertEquals(0, run("study", "status", folder.resolve("study").toString()));
        assertTrue(stdout().contains("1 done, 0 running or interrupted, 1 failed, 0 pending"), stdout());
        assertTrue(stdout().contains("failed    1.0E30,0\n    loss is Infinity at update step 1"), stdout());
    }

    @Test
    void anInterruptedRunStartsAgainAndPendingOnesRun() throws Exception {
        Path study = study(BASE + AXES);
        assertEquals(0, run("study", study.toString(), "--dry-run"));
        assertEquals(0, run("study", study.toString(), "--parallel", "1"));
        String id = ids().get(2);
        deleteRun(id);
        Files.createDirectories(folder.resolve("study/runs/" + id + ".partial"));
        assertEquals(0, run("study", "status", folder.resolve("study").toString()));
        assertTrue(stdout().contains("3 done, 1 running or interrupted, 0 failed, 0 pending"), stdout());
        assertEquals(0, run("study", study.toString()), err.toString());
        assertTrue(stdout().contains("4 runs, 3 done, 1 to run"), stdout());
        assertTrue(stdout().contains("run " + id + " (configuration.numRolloutSteps=2, training.seed=0): done"),
                stdout());
    }

    private void deleteRun(String id) throws IOException {
        Files.delete(folder.resolve("study/evaluations/" + id + ".csv"));
        try (Stream<Path> files = Files.walk(folder.resolve("study/runs/" + id))) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aBadAxisValueIsOneErrorNamingItBeforeAnythingRuns() throws Exception {
        Path study = study(BASE + "grid: {configuration.numRolloutSteps: [1, 0]}\n");
        assertEquals(2, run("study", study.toString()));
        assertEquals("error: study run (configuration.numRolloutSteps=0): "
                + "spec.configuration.numRolloutSteps: must be integer ≥ 1, got 0", err.toString().strip());
        assertFalse(Files.exists(folder.resolve("study")));
    }
}
