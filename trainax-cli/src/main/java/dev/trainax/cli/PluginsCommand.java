package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.plugin.PluginDescriptor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code trainax plugins [--kind KIND]}: lists the providers of the application's registry. */
@Command(name = "plugins", sortOptions = false,
        description = "List every discovered plugin with id, kind, module and parameters.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            completionCandidates = KindConverter.class,
            description = "only plugins of this kind: ${COMPLETION-CANDIDATES}")
    private PluginKind only;

    @Mixin
    private HelpOption help;

    private final PluginRegistry registry;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<PluginDescriptor> descriptors = registry.descriptors();
        PluginKind current = null;
        for (PluginDescriptor descriptor : descriptors) {
            if (only != null && descriptor.kind() != only) {
                continue;
            }
            if (descriptor.kind() != current) {
                current = descriptor.kind();
                out.println(current.label() + ":");
            }
            out.printf("  %-28s %-22s %s%n", descriptor.id(), "[" + descriptor.module() + "]",
                    descriptor.description());
            for (PluginParameter parameter : descriptor.parameters()) {
                out.println("      " + parameter.summary());
            }
        }
        out.println(descriptors.size() + " plugins");
        return 0;
    }

    /** A plugin kind by its label ({@code loss}, {@code configuration}, ...); the labels complete in the shell. */
    static final class KindConverter implements ITypeConverter<PluginKind>, Iterable<String> {

        @Override
        public PluginKind convert(String value) {
            return Arrays.stream(PluginKind.values()).filter(k -> k.label().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("must be one of "
                            + Arrays.stream(PluginKind.values()).map(PluginKind::label).toList() + ", got '"
                            + value + "'"));
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(PluginKind.values()).map(PluginKind::label).iterator();
        }
    }
}
