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
    void reportSummarisesConfigurationsOverSeedsAgainstABaseline() throws Exception {
        assertEquals(0, run("study", study(BASE + AXES).toString()), err.toString());
        Path root = folder.resolve("study");
        assertEquals(0, run("study", "report", root.toString(), "--steps", "3", "--baseline",
                "configuration.numRolloutSteps=1"), err.toString());
        List<String> summary = Files.readAllLines(root.resolve("report/summary.csv"));
        assertEquals("configuration.numRolloutSteps,runs,metric,steps,gmean,ci95_low,ci95_high,ratio_to_baseline",
                summary.get(0));
        assertEquals(3, summary.size());
        // by hand: per run exp(mean(log nRMSE_t)), t = 1..3, then the mean over the two seeds
        List<String> ids = ids();
        double[] gmeans = new double[4];
        for (int r = 0; r < 4; r++) {
            List<String> rows = Files.readAllLines(root.resolve("evaluations/" + ids.get(r) + ".csv"));
            double logs = 0;
            for (int t = 1; t <= 3; t++) {
                logs += Math.log(Double.parseDouble(rows.get(t).split(",")[1]));
            }
            gmeans[r] = Math.exp(logs / 3);
        }
        String[] one = summary.get(1).split(",");
        String[] two = summary.get(2).split(",");
        assertEquals("1", one[0]);
        assertEquals("2", one[1]);
        assertEquals((gmeans[0] + gmeans[1]) / 2, Double.parseDouble(one[4]), 1e-12);
        assertEquals((gmeans[2] + gmeans[3]) / 2, Double.parseDouble(two[4]), 1e-12);
        double half = 12.706 * Math.abs(gmeans[0] - gmeans[1]) / 2;
        assertEquals((gmeans[0] + gmeans[1]) / 2 - half, Double.parseDouble(one[5]), 1e-12);
        assertEquals(1.0, Double.parseDouble(one[7]), 0);
        assertEquals(Double.parseDouble(two[4]) / Double.parseDouble(one[4]), Double.parseDouble(two[7]), 1e-12);
        assertTrue(Files.size(root.resolve("report/rollout-nrmse.png")) > 5000);
        assertTrue(Files.size(root.resolve("report/loss.png")) > 5000);
        assertTrue(stdout().contains("| configuration.numRolloutSteps | runs | geometric mean of nrmse over steps 1–3"),
                stdout());
    }

    @Test
    void meanAndIntervalByHand() {
        assertArrayEquals(new double[] {2, 2 - 4.303 / Math.sqrt(3), 2 + 4.303 / Math.sqrt(3)},
                StudyReport.meanAndInterval(new double[] {1, 2, 3}), 1e-12);
        assertEquals(2.0, StudyReport.geometricMean(new double[] {1, 4, 1000}, 2), 1e-15);
    }

    @Test
    void aFailingRunIsRecordedAndTheOthersFinish() throws Exception {
        Path study = study(BASE + "grid: {optimizer.learningRate: [0.01, 1.0e30]}\n");
        assertEquals(1, run("study", study.toString(), "--parallel", "1"), err.toString() + stdout());
        assertTrue(stdout().contains("1 of 2 runs done, 1 failed"), stdout());
        assertEquals(0, run("study", "status", folder.resolve("study").toString()));
        assertTrue(stdout().contains("1 done, 0 running or interrupted, 1 failed, 0 pending"), stdout());
        assertTrue(stdout().contains("failed    1.0E30,0\n    loss is Infinity at update step 1"), stdout());
        String failed = ids().get(1);
        String log = Files.readString(folder.resolve("study/logs/" + failed + ".log"));
        assertTrue(log.startsWith("training ") && log.contains("failed: loss is Infinity at update step 1"), log);
        assertTrue(Files.readString(folder.resolve("study/logs/" + ids().get(0) + ".log")).contains("done in "));
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
        assertTrue(stdout().contains("run " + id + ": done, nrmse at step 1 "), stdout());
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
