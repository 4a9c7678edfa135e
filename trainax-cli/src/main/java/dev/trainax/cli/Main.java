package dev.trainax.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Entry point: {@code trainax [--debug] [--log-level LEVEL] <command> [arguments]}, parsed by picocli
 * ({@link TrainaxCommand} and its subcommands, created by Guice). Exit codes: 0 success, 1 failure
 * while running, 2 bad input (command line, spec, plugins); see {@link Failures}. Library logging
 * goes through one setup, {@link CliLogging}.
 */
public final class Main {

    private Main() {
    }

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // the logging setup stays until the JVM exits: libraries log from shutdown hooks too
        System.exit(run(args, System.out, System.err, false, new Module[0]));
    }

    /** Runs a command, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Module[0]);
    }

    /**
     * Runs a command with the application's own bindings replacing those of {@link CliModule} (an
     * engine, the default loss, the plugin registry); returns the exit code. While it runs, the
     * root java.util.logging logger writes to {@code err} only ({@link CliLogging}); its handlers and
     * levels are restored afterwards.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Module... overrides) {
        return run(args, out, err, true, overrides);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean restoreLogging,
                           Module... overrides) {
        boolean debugRequested = Arrays.asList(args).contains("--debug");
        CliLogging logging = CliLogging.install(err);
        try {
            Injector injector = Guice.createInjector(Modules.override(new CliModule()).with(overrides));
            CommandLine cli = commandLine(injector, out, err);
            TrainaxCommand top = cli.getCommand();
            cli.setExecutionStrategy(parsed -> {
                logging.configure(top.logLevel(), top.debug());
                return new CommandLine.RunLast().execute(parsed);
            });
            cli.setParameterExceptionHandler((e, arguments) ->
                    Failures.reportUsage(e, top.debug() || debugRequested, err));
            cli.setExecutionExceptionHandler((e, command, parsed) ->
                    Failures.report(e, top.debug() || debugRequested, err));
            int code = cli.execute(args);
            cli.getOut().flush();
            return code;
        } catch (RuntimeException | Error e) {
            // the wiring (Guice, a plugin's provider) or an Error from a command
            out.flush();
            return Failures.report(e, debugRequested, err);
        } finally {
            if (restoreLogging) {
                logging.close();
            }
        }
    }

    /** The command tree on {@code out} and {@code err}, with the exit codes in every command's help. */
    static CommandLine commandLine(Injector injector, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(TrainaxCommand.class, new GuiceFactory(injector));
        cli.setOut(new PrintWriter(writer(out), true));
        cli.setErr(new PrintWriter(writer(err), true));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(out == System.out ? Ansi.AUTO : Ansi.OFF));
        cli.setExpandAtFiles(false);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put(" " + Failures.OK, "success");
        exitCodes.put(" " + Failures.FAILED, "failure while running (training, I/O, an unexpected error)");
        exitCodes.put(" " + Failures.BAD_INPUT, "bad input: command line, spec, plugins or files");
        exitCodes(cli, exitCodes);
        return cli;
    }

    private static void exitCodes(CommandLine command, Map<String, String> exitCodes) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        for (CommandLine sub : command.getSubcommands().values()) {
            exitCodes(sub, exitCodes);
        }
    }

    /** Characters to a print stream in the stream's own encoding (a plain PrintWriter would use the default one). */
    private static Writer writer(PrintStream stream) {
        return new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        };
    }
}
