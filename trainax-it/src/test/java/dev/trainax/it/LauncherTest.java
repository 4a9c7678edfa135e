package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher checks its environment settings before starting Java: one line naming the setting, exit code 2. */
class LauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TRAINAX_PLUGINS | NOT_A_JAR                | is not a jar (a plugin is a jar file",
        "TRAINAX_PLUGINS | /no/such/plugin.jar      | TRAINAX_PLUGINS: no such jar: /no/such/plugin.jar",
        "TRAINAX_HEAP    | lots                     | TRAINAX_HEAP=lots: must be a size such as 512m or 2g",
        "TRAINAX_OFFHEAP | -4g                      | TRAINAX_OFFHEAP=-4g: must be a size",
        "TRAINAX_NATIVE  | avx9000                  | TRAINAX_NATIVE=avx9000: no nd4j-native jar"})
    void badSettingsAreNamed(String setting, String value, String expected, @TempDir Path folder) throws Exception {
        Path textFile = Files.writeString(folder.resolve("plugin.txt"), "not a jar");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/trainax").toString(), "plugins")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of(setting, value.replace("NOT_A_JAR", textFile.toString())));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher timed out");
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains(expected), output);
        assertEquals(1, output.lines().count(), output);
    }
}
