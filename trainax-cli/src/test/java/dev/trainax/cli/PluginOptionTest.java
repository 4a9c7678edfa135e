package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ID[:NAME=VALUE...]} on the command line: values typed as in specs, colons allowed inside values. */
class PluginOptionTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void valuesMayHoldColons() {
        PluginOption option = PluginOption.parse(REGISTRY, PluginKind.STUDY_EXECUTOR,
                "embedded:master=spark://127.0.0.1:7077:parallel=2:ratio=0.5:flag=true", "--executor");
        assertEquals("embedded", option.id());
        assertEquals(Map.of("master", "spark://127.0.0.1:7077", "parallel", 2, "ratio", 0.5, "flag", true),
                option.arguments());
    }

    @Test
    void aPartWithoutNameAndValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginOption.parse(REGISTRY,
                PluginKind.STUDY_EXECUTOR, "embedded:parallel", "--executor"));
        assertEquals("--executor embedded: expected NAME=VALUE after ':', got 'parallel'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PluginOption.parse(REGISTRY,
                PluginKind.STUDY_EXECUTOR, "spark:master=local[2]", "--executor"));
        assertEquals("--executor: unknown study-executor 'spark'; known: [embedded]", e.getMessage());
    }
}
