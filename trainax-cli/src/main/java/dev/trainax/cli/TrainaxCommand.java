package dev.trainax.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code trainax [--debug] [--log-level LEVEL] COMMAND}: the top-level command and the global options,
 * accepted before or after the subcommand. Without a command it prints the usage (exit code 0).
 */
@Command(name = "trainax", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = TrainaxCommand.Version.class,
        description = "Train autoregressive neural emulators of PDEs (Trainax for Java).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, StudyCommand.class, QuickstartCommand.class, PluginsCommand.class,
            CompletionCommand.class, HelpCommand.class},
        footer = {"", "Shell completion (bash, zsh): source <(trainax completion)",
            "Details: 'trainax help COMMAND' or 'trainax COMMAND --help'."})
final class TrainaxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "on failure, print the full stack trace as well as the one-line message")
    private boolean debug;

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            converter = CliLogging.LevelConverter.class, completionCandidates = CliLogging.LevelConverter.class,
            description = "messages logged on standard error: ${COMPLETION-CANDIDATES} (default: info for "
                    + "trainax, warn for libraries such as ND4J)")
    private CliLogging.Level logLevel;

    boolean debug() {
        return debug;
    }

    /** The {@code --log-level} given, or null for the default. */
    CliLogging.Level logLevel() {
        return logLevel;
    }

    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getOut());
        return 0;
    }

    /** {@code trainax --version}: the module's version (the Maven project version). */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            Module module = TrainaxCommand.class.getModule();
            String version = module.getDescriptor() != null ? module.getDescriptor().rawVersion().orElse(null) : null;
            if (version == null) {
                version = TrainaxCommand.class.getPackage().getImplementationVersion();
            }
            return new String[] {"trainax " + (version != null ? version : "(unknown version)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
