package dev.trainax.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every subcommand (the top-level command also has {@code --version}). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;
}
