package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** {@code jar --describe-module} on the built jars shows the declared provides and uses. */
class ModuleDescriptorTest {

    private static String describe(String artifact) throws Exception {
        Path modules = Path.of(System.getProperty("reactor.root"), "trainax-cli", "target", "modules");
        Path jar;
        try (var files = Files.list(modules)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith(artifact + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError(artifact + " jar not in " + modules));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ToolProvider.findFirst("jar").orElseThrow().run(new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, "--describe-module", "--file", jar.toString());
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void apiUsesEveryProviderKind() throws Exception {
        String api = describe("trainax-api");
        assertTrue(api.contains("dev.trainax.api"), api);
        for (String kind : new String[] {"Loss", "Configuration", "Network", "ReferenceStepper", "Residuum", "Callback",
            "Engine", "DataSource", "Metric"}) {
            assertTrue(api.contains("uses dev.trainax.api.plugin." + kind + "Provider"), api);
        }
    }

    @Test
    void implementationsProvideTheirPlugins() throws Exception {
        assertTrue(describe("trainax-engine").contains(
                "provides dev.trainax.api.plugin.EngineProvider with dev.trainax.engine.SameDiffEngineProvider"));
        String configs = describe("trainax-configs");
        assertTrue(configs.contains("provides dev.trainax.api.plugin.ConfigurationProvider with"), configs);
        assertTrue(configs.contains("dev.trainax.configs.ConfigurationProviders$DivertedChainProvider"), configs);
        assertTrue(describe("trainax-losses").contains("provides dev.trainax.api.plugin.LossProvider with"));
        assertTrue(describe("trainax-nn").contains("provides dev.trainax.api.plugin.NetworkProvider with"));
        assertTrue(describe("trainax-sampledata").contains(
                "provides dev.trainax.api.plugin.ReferenceStepperProvider with"));
        assertTrue(describe("trainax-callbacks").contains("provides dev.trainax.api.plugin.CallbackProvider with"));
        String evaluation = describe("trainax-evaluation");
        assertTrue(evaluation.contains("provides dev.trainax.api.plugin.MetricProvider with"), evaluation);
        assertTrue(evaluation.contains("dev.trainax.evaluation.MetricProviders$FourierNrmseProvider"), evaluation);
    }

    @Test
    void theCallbacksNeedNoExporter() throws Exception {
        String callbacks = describe("trainax-callbacks");
        assertFalse(callbacks.contains("requires micrometer.registry.prometheus"), callbacks);
        assertFalse(callbacks.contains("requires jdk.httpserver"), callbacks);
        String prometheus = describe("trainax-metrics-prometheus");
        assertTrue(prometheus.contains("exports dev.trainax.metrics.prometheus"), prometheus);
        assertTrue(prometheus.contains("requires micrometer.registry.prometheus"), prometheus);
        assertFalse(prometheus.contains("requires dev.trainax.callbacks"), prometheus);
    }
}
