package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import dev.trainax.api.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The picocli command line: help per command, suggestions, required options, exit codes and the
 * one-line failures (with {@code --debug}, the stack trace as well), shell completion. Nothing here
 * trains: failures are injected through an engine binding that throws.
 */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Module[] overrides, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), overrides);
    }

    private int run(String... args) {
        return run(new Module[0], args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A module whose engine binding throws what {@code failure} supplies. */
    private static Module engineThrowing(Supplier<RuntimeException> failure) {
        return new AbstractModule() {
            @Provides
            Engine engine() {
                throw failure.get();
            }
        };
    }

    @Test
    void theTopLevelHelpListsCommandsGlobalOptionsExitCodesAndCompletion() {
        assertEquals(0, run("--help"));
        String help = out();
        for (String expected : new String[] {"Usage: trainax", "train", "evaluate", "quickstart", "plugins",
            "completion", "help", "--debug", "--log-level=LEVEL", "-V, --version", "Exit codes:",
            "0   success", "1   failure while running", "2   bad input", "source <(trainax completion)"}) {
            assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
        assertEquals("", err());
        out.reset();
        assertEquals(0, run());
        assertEquals(help, out(), "no command prints the usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate", "quickstart", "plugins", "completion"})
    void everyCommandHasItsHelp(String command) {
        assertEquals(0, run(command, "--help"));
        String help = out();
        assertTrue(help.startsWith("Usage: trainax " + command), help);
        assertTrue(help.contains("-h, --help") && help.contains("Exit codes:") && help.contains("--debug"), help);
        List<String> options = switch (command) {
            case "train" -> List.of("SPEC", "--steps=N", "--output=DIR");
            case "evaluate" -> List.of("SPEC", "--parameters=FILE", "--steps=N", "--output=DIR", "--metrics=ID[,ID...]",
                    "default: nrmse,correlation", "fourier-nrmse:low=1:high=4");
            case "quickstart" -> List.of("--steps=N", "--rollouts=R[,R...]", "default: 1000", "default: 1,5,20");
            case "plugins" -> List.of("--kind=KIND", "loss, configuration,", "reference-stepper");
            default -> List.of("source <(trainax completion)");
        };
        for (String option : options) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
        out.reset();
        assertEquals(0, run("help", command));
        assertEquals(help, out(), "trainax help " + command);
        assertEquals("", err());
    }

    @Test
    void versionNamesTheApplication() {
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("trainax "), out());
    }

    @Test
    void aMistypedOptionOrCommandGetsASuggestionAndExitCodeTwo() {
        assertEquals(2, run("train", "spec.yaml", "--stpes", "3"));
        assertEquals(List.of("error: Unknown options: '--stpes', '3'; did you mean --steps? "
                + "(see 'trainax train --help')"), err().lines().toList());
        err.reset();
        assertEquals(2, run("trian", "spec.yaml"));
        assertEquals(List.of("error: unknown command 'trian'; did you mean train? (see 'trainax --help')"),
                err().lines().toList());
        assertEquals("", out());
    }

    @Test
    void missingRequiredOptionsAndParametersAreNamed() {
        assertEquals(2, run("evaluate", "spec.yaml"));
        assertEquals(List.of("error: Missing required option: '--parameters=FILE' (see 'trainax evaluate --help')"),
                err().lines().toList());
        err.reset();
        assertEquals(2, run("train"));
        assertEquals(List.of("error: Missing required parameter: 'SPEC' (see 'trainax train --help')"),
                err().lines().toList());
        err.reset();
        assertEquals(2, run("train", "spec.yaml", "--steps"));
        assertTrue(err().startsWith("error: Missing required parameter for option '--steps' (N)"), err());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of((Supplier<RuntimeException>) () -> new IllegalArgumentException("bad engine"), 2,
                        "error: bad engine"),
                Arguments.of((Supplier<RuntimeException>) () -> new IllegalStateException("engine broke"), 1,
                        "failed: engine broke"),
                Arguments.of((Supplier<RuntimeException>) () -> new UncheckedIOException(new IOException("disk full")),
                        1, "failed: java.io.IOException: disk full"),
                Arguments.of((Supplier<RuntimeException>) () -> new RuntimeException("engine exploded"), 1,
                        "failed: java.lang.RuntimeException: engine exploded (rerun with --debug for the stack trace)"),
                Arguments.of((Supplier<RuntimeException>) NullPointerException::new, 1,
                        "failed: java.lang.NullPointerException (rerun with --debug for the stack trace)"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failuresAreOneLineWithTheirExitCode(Supplier<RuntimeException> failure, int code, String line) {
        assertEquals(code, run(new Module[] {engineThrowing(failure)}, "quickstart", "--steps", "1"));
        assertEquals(List.of(line), err().lines().toList());
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheCommand() {
        Module exploding = engineThrowing(() -> new RuntimeException("engine exploded"));
        for (String[] args : new String[][] {{"--debug", "quickstart"}, {"quickstart", "--debug"}}) {
            err.reset();
            assertEquals(1, run(new Module[] {exploding}, args));
            List<String> lines = err().lines().toList();
            assertTrue(lines.size() > 5, err());
            assertTrue(lines.stream().anyMatch(l -> l.contains("RuntimeException: engine exploded")), err());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("\tat ") && l.contains("CommandLineTest")), err());
            assertEquals("failed: java.lang.RuntimeException: engine exploded", lines.get(lines.size() - 1));
        }
    }

    @Test
    void completionPrintsABashAndZshScriptForEveryCommandAndOption() {
        assertEquals(0, run("completion"));
        String script = out();
        assertTrue(script.contains("complete -F _complete_trainax") && script.contains("bashcompinit"), script);
        for (String word : new String[] {"train", "evaluate", "quickstart", "plugins", "completion", "help",
            "--steps", "--output", "--parameters", "--rollouts", "--kind", "--debug", "--log-level",
            "\"reference-stepper\"", "(\"off\" \"error\" \"warn\" \"info\" \"debug\")"}) {
            assertTrue(script.contains(word), word + " missing from the completion script");
        }
        assertEquals("", err());
    }
}
