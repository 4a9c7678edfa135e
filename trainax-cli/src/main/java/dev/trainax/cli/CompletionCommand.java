package dev.trainax.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code trainax completion}: prints the bash completion script that picocli's {@link AutoComplete}
 * generates for the whole command tree (it works in zsh too, through {@code bashcompinit}).
 */
@Command(name = "completion", sortOptions = false, description = {
    "Print a bash/zsh completion script for trainax.",
    "Install it in the current shell with: source <(trainax completion)",
    "and in every new one by adding that line to ~/.bashrc or ~/.zshrc."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        command.commandLine().getOut().print(AutoComplete.bash(command.root().name(), command.root().commandLine()));
        command.commandLine().getOut().flush();
        return 0;
    }
}
