package dev.trainax.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Entry point: {@code trainax <command> [arguments]}. Exit codes: 0 success, 1 training failed,
 * 2 usage or input error (bad spec, unknown plugin, bad option).
 */
public final class Main {

    private Main() {
    }

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Module[0]);
    }

    /**
     * Runs a command with the application's own bindings replacing those of {@link CliModule} (an
     * engine, the default loss, the plugin registry); returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Module... overrides) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            out.println(usage());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Injector injector = Guice.createInjector(Modules.override(new CliModule()).with(overrides));
            return switch (args[0]) {
                case "plugins" -> injector.getInstance(PluginsCommand.class).run(rest, out);
                case "quickstart" -> injector.getInstance(QuickstartCommand.class).run(rest, out);
                case "train" -> injector.getInstance(TrainCommand.class).run(rest, out);
                case "evaluate" -> injector.getInstance(EvaluateCommand.class).run(rest, out);
                default -> {
                    err.println("unknown command '" + args[0] + "'; known: train, evaluate, quickstart, plugins, help");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    /** A positive integer option value, else an error naming the option. */
    static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + value + "'");
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: trainax <command>",
                "  train SPEC [--steps N] [--output DIR]",
                "                          train from a run spec (YAML or JSON; see examples/); writes parameters,",
                "                          loss.csv, loss.png and spec.resolved.yaml to the output folder",
                "  evaluate SPEC --parameters FILE [--steps N] [--output DIR]",
                "                          roll the trained network out against the spec's data: nRMSE and",
                "                          correlation per step in rollout.csv and rollout.png",
                "  quickstart [--steps N] [--rollouts 1,5,20]",
                "                          train Trainax's README example (advection, kernel-2 conv) and print",
                "                          each learned stencil's distance to first-order upwind",
                "  plugins [--kind KIND]   list every discovered plugin with id, kind, module and parameters",
                "  help                    this text");
    }
}
