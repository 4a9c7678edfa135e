package dev.trainax.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point: {@code trainax <command> [arguments]}. Exit codes: 0 success, 2 usage or input error. */
public final class Main {

    private Main() {
    }

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            out.println(usage());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "plugins" -> new PluginsCommand().run(rest, out);
                case "quickstart" -> new QuickstartCommand().run(rest, out);
                default -> {
                    err.println("unknown command '" + args[0] + "'; known: quickstart, plugins, help");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: trainax <command>",
                "  quickstart [--steps N] [--rollouts 1,5,20]",
                "                          train Trainax's README example (advection, kernel-2 conv) and print",
                "                          each learned stencil's distance to first-order upwind",
                "  plugins [--kind KIND]   list every discovered plugin with id, kind, module and parameters",
                "  help                    this text");
    }
}
