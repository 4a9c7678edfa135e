package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import dev.trainax.api.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One logging setup for the command: {@link System.Logger} (trainax's modules) and SLF4J (ND4J) both
 * end up as {@code trainax: <level>: <message>} lines on the command's standard error, filtered by
 * {@code --log-level} (default: info for {@code dev.trainax}, warn for the rest).
 */
class CliLoggingTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** An engine binding that logs at every level through both APIs, then stops the command. */
    private static final Module LOGGING_ENGINE = new AbstractModule() {
        @Provides
        Engine engine() {
            System.Logger own = System.getLogger("dev.trainax.cli.test");
            own.log(System.Logger.Level.DEBUG, "own debug");
            own.log(System.Logger.Level.INFO, "batch size {0} is larger than the {1} windows", 64, 20);
            own.log(System.Logger.Level.WARNING, "own warning", new IOException("disk full"));
            org.slf4j.Logger library = LoggerFactory.getLogger("org.nd4j.cli.test");
            library.debug("library debug");
            library.info("library info {}", 1);
            library.warn("library warning {}\n  second line", 2);
            library.error("library error");
            throw new IllegalStateException("stopped after logging");
        }
    };

    private int main(Module[] overrides, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), overrides);
    }

    /** The standard error lines of a command with {@link #LOGGING_ENGINE}, which fails with exit code 1. */
    private List<String> run(String... args) {
        assertEquals(1, main(new Module[] {LOGGING_ENGINE}, args));
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void systemLoggerAndSlf4jShareOneFormatAndTheDefaultLevels() {
        assertEquals(List.of(
                "trainax: info: batch size 64 is larger than the 20 windows",
                "trainax: warning: own warning: java.io.IOException: disk full",
                "trainax: warning: library warning 2 second line",
                "trainax: error: library error",
                "failed: stopped after logging"), run("quickstart"));
    }

    @Test
    void theLogLevelFiltersEveryLogger() {
        assertEquals(List.of(
                "trainax: warning: own warning: java.io.IOException: disk full",
                "trainax: warning: library warning 2 second line",
                "trainax: error: library error",
                "failed: stopped after logging"), run("--log-level", "warn", "quickstart"));
        assertEquals(List.of(
                "trainax: error: library error",
                "failed: stopped after logging"), run("quickstart", "--log-level", "error"));
        assertEquals(List.of("failed: stopped after logging"), run("quickstart", "--log-level", "off"));
        assertEquals(List.of(
                "trainax: debug: own debug",
                "trainax: info: batch size 64 is larger than the 20 windows",
                "trainax: warning: own warning: java.io.IOException: disk full",
                "trainax: debug: library debug",
                "trainax: info: library info 1",
                "trainax: warning: library warning 2 second line",
                "trainax: error: library error",
                "failed: stopped after logging"), run("quickstart", "--log-level", "DEBUG"));
    }

    @Test
    void debugPrintsTheStackTraceOfALoggedException() {
        List<String> lines = run("quickstart", "--debug", "--log-level", "warn");
        assertEquals("trainax: warning: own warning: java.io.IOException: disk full", lines.get(0));
        assertEquals("java.io.IOException: disk full", lines.get(1));
        assertTrue(lines.get(2).startsWith("\tat "), lines.toString());
    }

    @Test
    void aBadLevelIsAnInputError() {
        assertEquals(2, main(new Module[0], "plugins", "--log-level", "loud"));
        assertEquals("error: Invalid value for option '--log-level': must be one of [off, error, warn, info, debug], "
                + "got 'loud' (see 'trainax plugins --help')", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theSetupIsUndoneAfterTheCommand() {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        java.util.logging.Level level = root.getLevel();
        run("quickstart");
        assertArrayEquals(before, root.getHandlers());
        assertEquals(level, root.getLevel());
    }

    @Test
    void theFullBatchNoticeOfATrainingRunIsOneCleanLine(@TempDir Path folder) throws Exception {
        Path spec = Files.writeString(folder.resolve("spec.yaml"), """
                data: {id: advection-1d, numSamples: 2, temporalHorizon: 12}
                network: {id: conv1d}
                configuration: {id: supervised, numRolloutSteps: 2}
                training: {numTrainingSteps: 2, batchSize: 64}
                """);
        assertEquals(0, main(new Module[0], "train", spec.toString(), "--output", folder.resolve("out").toString()));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.contains("trainax: info: batch size 64 is larger than the 20 windows: training full batch"),
                lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("trainax: ")), "only log lines: " + lines);
    }
}
