package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party plugin example is built as a separate Maven project against the installed BOM
 * and API, put on the CLI's module path, listed by {@code trainax plugins} and trained with.
 */
class ThirdPartyPluginTest {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root"));

    @Test
    void aPluginBuiltAgainstTheBomJoinsTheCli(@TempDir Path folder) throws Exception {
        Path project = folder.resolve("plugin");
        copy(ROOT.resolve("examples/third-party-plugin"), project);
        String maven = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        Result build = run(project, Map.of(), maven, "-B", "-o", "-q", "package",
                "-Dtrainax.version=" + System.getProperty("project.version"));
        assertEquals(0, build.code(), build.output());
        Path jar = project.resolve("target/trainax-averaged-supervised-1.0.0.jar");
        assertTrue(Files.exists(jar), build.output());

        String trainax = ROOT.resolve("bin/trainax").toString();
        Map<String, String> environment = Map.of("TRAINAX_PLUGINS", jar.toString());
        Result plugins = run(ROOT, environment, trainax, "plugins", "--kind", "configuration");
        assertEquals(0, plugins.code(), plugins.output());
        assertTrue(plugins.output().contains("averaged-supervised          [org.example.averaged]"), plugins.output());
        assertTrue(plugins.output().contains("input-noise-supervised"), plugins.output());
        assertTrue(plugins.output().contains("supervised"), plugins.output());

        Path output = folder.resolve("run");
        Result train = run(ROOT, environment, trainax, "train", project.resolve("averaged.yaml").toString(),
                "--steps", "30", "--output", output.toString());
        assertEquals(0, train.code(), train.output());
        assertTrue(train.output().contains("on AveragedSupervised"), train.output());
        assertEquals(31, Files.readAllLines(output.resolve("loss.csv")).size());
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + List.of(command));
        return new Result(process.exitValue(), output);
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith("target") || relative.startsWith("out")) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
