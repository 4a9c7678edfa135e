package dev.trainax.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code samediff} engine's typed options: listing, binding, defaults and Java validation. */
class SameDiffEngineProviderTest {

    private static final SameDiffEngineProvider PROVIDER = new SameDiffEngineProvider();

    private static SameDiffEngine.Options create(Map<String, ?> raw) {
        return ((SameDiffEngine) PROVIDER.create(PluginArguments.of(PROVIDER, raw, null))).options();
    }

    @Test
    void listsTheOptionsWithTheirDefaults() {
        assertEquals(List.of("execution (one of [direct, session]) = direct", "gcIntervalMs (integer ≥ 0) = 2000"),
                PROVIDER.parameters().stream().map(PluginParameter::summary).toList());
    }

    @Test
    void specValuesReachTheEngine() {
        assertEquals(new SameDiffEngine.Options(SameDiffEngine.Execution.SESSION, 0),
                create(Map.of("execution", "session", "gcIntervalMs", 0)));
        assertEquals(new SameDiffEngine.Options(SameDiffEngine.Execution.DIRECT, 2000), create(Map.of()));
    }

    @Test
    void theJavaConstructorRunsDirectly() {
        assertEquals(create(Map.of()), new SameDiffEngine().options());
    }

    @Test
    void invalidValuesAreNamed() {
        IllegalArgumentException spec = assertThrows(IllegalArgumentException.class,
                () -> create(Map.of("execution", "fast")));
        assertEquals("samediff.execution: must be one of [direct, session], got 'fast'", spec.getMessage());
        IllegalArgumentException java = assertThrows(IllegalArgumentException.class,
                () -> new SameDiffEngine.Options(SameDiffEngine.Execution.DIRECT, -1));
        assertEquals("gcIntervalMs: must be integer ≥ 0, got -1", java.getMessage());
    }
}
