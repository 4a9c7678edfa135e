package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.plugin.PluginDescriptor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code trainax plugins [--kind KIND]}: lists the providers of the application's registry. */
final class PluginsCommand {

    private final PluginRegistry registry;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    int run(String[] args, PrintStream out) {
        PluginKind only = null;
        if (args.length == 2 && "--kind".equals(args[0])) {
            only = Arrays.stream(PluginKind.values()).filter(k -> k.label().equals(args[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--kind must be one of "
                            + Arrays.stream(PluginKind.values()).map(PluginKind::label).toList() + ", got '"
                            + args[1] + "'"));
        } else if (args.length != 0) {
            throw new IllegalArgumentException("plugins takes no arguments or --kind KIND, got "
                    + Arrays.toString(args));
        }
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
}
