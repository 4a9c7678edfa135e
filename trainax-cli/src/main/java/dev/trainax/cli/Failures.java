package dev.trainax.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line's exit codes and error lines: a failure is one line on standard error, never a
 * stack trace unless {@code --debug} asks for it (printed before the line).
 * <ul>
 *   <li>{@value #BAD_INPUT}: bad input: a command-line error ({@code error: ...}, naming the option and
 *       suggesting the closest known one) or an {@link IllegalArgumentException} from validating the spec,
 *       the plugins or the files ({@code error: <message>});</li>
 *   <li>{@value #FAILED}: a failure while running: {@link IllegalStateException} or
 *       {@link UncheckedIOException} ({@code failed: <message>}), or any other exception
 *       ({@code failed: <class>: <message> (rerun with --debug for the stack trace)}).</li>
 * </ul>
 */
final class Failures {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Failures() {
    }

    /** Reports an exception from wiring or running a command; returns its exit code. */
    static int report(Throwable thrown, boolean debug, PrintStream err) {
        Throwable cause = unwrap(thrown);
        if (debug) {
            thrown.printStackTrace(err);
        }
        if (cause instanceof IllegalArgumentException) {
            err.println("error: " + oneLine(cause.getMessage()));
            return BAD_INPUT;
        }
        if (cause instanceof IllegalStateException || cause instanceof UncheckedIOException) {
            err.println("failed: " + oneLine(cause.getMessage()));
            return FAILED;
        }
        String message = cause.getMessage() != null ? cause.getMessage()
                : cause.getCause() != null ? String.valueOf(cause.getCause()) : null;
        err.println("failed: " + cause.getClass().getName() + (message != null ? ": " + oneLine(message) : "")
                + (debug ? "" : " (rerun with --debug for the stack trace)"));
        return FAILED;
    }

    /** Reports a command-line error: the message, the closest known command or option, where to find help. */
    static int reportUsage(ParameterException e, boolean debug, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
        CommandLine command = e.getCommandLine();
        String message = withoutErrorPrefix(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            if (command.getParent() == null && !first.startsWith("-")) {
                message = "unknown command '" + first + "'; " + (suggestions.isEmpty()
                        ? "known: " + String.join(", ", command.getSubcommands().keySet())
                        : "did you mean " + String.join(" or ", suggestions) + "?");
            } else if (!suggestions.isEmpty()) {
                message = message + "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        err.println("error: " + oneLine(message) + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        return BAD_INPUT;
    }

    /** picocli starts some messages (mutually exclusive options) with its own "Error: "; the line has one already. */
    private static String withoutErrorPrefix(String message) {
        return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    /** The exception a Guice or picocli wrapper stands for. */
    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && current.getCause() != current
                && (current instanceof ProvisionException || current instanceof CreationException
                    || current instanceof CommandLine.InitializationException
                    || current instanceof CommandLine.ExecutionException)) {
            current = current.getCause();
        }
        return current;
    }

    /** A message on one line: line breaks and the indentation after them become single spaces. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
