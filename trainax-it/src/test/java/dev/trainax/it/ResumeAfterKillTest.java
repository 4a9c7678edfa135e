package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resume after SIGKILL: a training process is killed at a random update step (after a checkpoint
 * beyond a step drawn from a fixed seed), resumed, and its outputs compared byte for byte with an
 * uninterrupted run's: through {@code trainax train --resume} for three configurations, and through
 * the Java API for a seed-parallel ensemble.
 */
class ResumeAfterKillTest {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root"));
    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d+)\\.safetensors");

    @TempDir
    Path temp;

    private static String spec(String name) {
        String data = "data: {id: advection-1d, numPoints: 24, numSamples: 12, cfl: -0.5, highestInitMode: 4, "
                + "temporalHorizon: 30}\n";
        return switch (name) {
            case "supervised" -> data + "network: {id: conv1d, kernelSize: 2, useBias: false}\n"
                    + "configuration: {id: supervised, numRolloutSteps: 3}\n"
                    + "optimizer: {name: adam, learningRate: 0.01}\n";
            case "diverted-chain" -> data + "network: {id: conv1d, kernelSize: 3, useBias: true}\n"
                    + "referenceStepper: {id: first-order-upwind, cfl: -0.5}\n"
                    + "configuration: {id: diverted-chain, numRolloutSteps: 4, numBranchSteps: 2, cutBptt: true}\n"
                    + "optimizer: {name: adamw, weightDecay: 0.0001, clipNorm: 1.0, schedule: {type: warmup-cosine, "
                    + "init: 0.0, peak: 0.01, warmupSteps: 50, decaySteps: 1500, end: 0.0001}}\n"
                    + "callbacks:\n  - {id: early-stopping, every: 10, patience: 1000}\n  - {id: grad-norm, every: 25}\n";
            default -> "data: {id: lorenz63, numSamples: 6, temporalHorizon: 30, scale: 0.05}\n"
                    + "network: {id: mlp, features: 3, width: 16, depth: 2}\n"
                    + "configuration: {id: supervised, numRolloutSteps: 2}\n"
                    + "optimizer: {name: momentum, momentum: 0.9, learningRate: 0.001}\n";
        } + "training: {numTrainingSteps: 2000, batchSize: 8, seed: 3, initSeed: 4, recordLossEvery: 2, "
                + "checkpointEvery: 20}\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervised", "diverted-chain", "lorenz-mlp"})
    void cliRunResumedAfterSigkillEqualsTheUninterruptedRun(String name) throws Exception {
        Path spec = Files.writeString(temp.resolve(name + ".yaml"), spec(name));
        Path whole = temp.resolve("whole");
        Path killed = temp.resolve("killed");
        run(List.of("train", spec.toString(), "--output", whole.toString()), 0);

        int killAfter = 100 + new Random(name.hashCode()).nextInt(900);
        Process process = start(List.of("train", spec.toString(), "--output", killed.toString()));
        int reached = killAfterCheckpoint(process, killed.resolveSibling("killed.partial/checkpoints"), killAfter);
        assertTrue(reached >= killAfter && reached < 2000, "killed after checkpoint " + reached);

        String resumed = run(List.of("train", spec.toString(), "--resume", killed.toString()), 0);
        assertTrue(resumed.contains("resuming after update step "), resumed);
        assertSameFiles(whole, killed);
    }

    @Test
    void ensembleResumedAfterSigkillEqualsTheUninterruptedRun() throws Exception {
        Path whole = temp.resolve("ensemble-whole");
        Path killed = temp.resolve("ensemble-killed");
        Process uninterrupted = javaRun(whole, false);
        String log = new String(uninterrupted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(uninterrupted.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, uninterrupted.exitValue(), log);
        Process process = javaRun(killed, false);
        int killAfter = 200 + new Random(7).nextInt(800);
        int reached = killAfterCheckpoint(process, killed.resolve("checkpoints"), killAfter);
        assertTrue(reached >= killAfter && reached < EnsembleRunTarget.STEPS, "killed after " + reached);
        Process resumed = javaRun(killed, true);
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), output);
        assertTrue(output.contains("resumed at update step " + reached), output);
        assertSameFiles(whole, killed);
    }

    /** Waits for a checkpoint at or beyond {@code step}, kills the process with SIGKILL; returns the newest step. */
    private static int killAfterCheckpoint(Process process, Path checkpoints, int step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (newest(checkpoints) < step && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        process.destroyForcibly();   // SIGKILL on Unix
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return newest(checkpoints);
    }

    private static int newest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.map(p -> CHECKPOINT.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(-1);
        }
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(expected)) {
            files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertEquals(files, walk.filter(Files::isRegularFile).map(actual::relativize).sorted().toList());
        }
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    file.toString());
        }
    }

    private String run(List<String> arguments, int exitCode) throws Exception {
        Process process = start(arguments);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "trainax timed out");
        assertEquals(exitCode, process.exitValue(), output);
        return output;
    }

    private Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/trainax").toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
    }

    /** The ensemble target in a JVM of its own, with this test JVM's module and class path. */
    private Process javaRun(Path folder, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        String modulePath = System.getProperty("jdk.module.path");
        String testClasses = Path.of(EnsembleRunTarget.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).toString();
        if (modulePath != null) {
            command.addAll(List.of("--module-path", modulePath, "--class-path", System.getProperty("java.class.path"),
                    "--patch-module", "dev.trainax.it=" + testClasses, "--add-modules", "ALL-MODULE-PATH"));
            for (String module : List.of("it", "api", "engine", "losses", "configs", "nn", "sampledata",
                    "trainers", "callbacks", "evaluation", "testkit", "cli")) {
                command.addAll(List.of("--add-reads", "dev.trainax." + module + "=ALL-UNNAMED"));
            }
            command.addAll(List.of("-m", "dev.trainax.it/" + EnsembleRunTarget.class.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path") + File.pathSeparator + testClasses,
                    EnsembleRunTarget.class.getName()));
        }
        command.addAll(List.of(folder.toString(), Boolean.toString(resume)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }
}
