package dev.trainax.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study run as {@code spark-submit} runs an application: Spark's {@code SparkSubmit} in its
 * own JVM with {@code --master local[2]} and {@code --class dev.trainax.cli.Main}, the command
 * line's jar as the application and our jars on the class path; the spark executor takes
 * spark-submit's master and the runs equal the embedded executor's bit for bit. The module's
 * application jar is tested after packaging, in {@link SparkApplicationJarIT}.
 */
class SparkSubmitTest {

    @TempDir
    Path folder;

    @Test
    void sparkSubmitRunsAStudyWithTheCommandLinesJar() throws Exception {
        List<String> path = testPath();
        Optional<String> application = path.stream()
                .filter(entry -> Path.of(entry).getFileName().toString().matches("trainax-cli-.*\\.jar")).findFirst();
        assumeTrue(application.isPresent(), "the command line's jar is packaged (mvn install), not only compiled");
        submit(folder, path, List.of("--class", "dev.trainax.cli.Main", application.get()));
        try (Stream<Path> files = Files.walk(folder.resolve("embedded/runs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith("parameters.safetensors")).collect(Collectors.toList())) {
                Path relative = folder.resolve("embedded").relativize(file);
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(folder.resolve("submitted")
                        .resolve(relative)), relative.toString());
            }
        }
        assertArrayEquals(Files.readAllBytes(folder.resolve("embedded/results.csv")),
                Files.readAllBytes(folder.resolve("submitted/results.csv")));
    }

    /** The test JVM's class path and module path. */
    static List<String> testPath() {
        return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .flatMap(entries -> Stream.of(entries.split(File.pathSeparator))).filter(e -> !e.isEmpty()).toList();
    }

    /**
     * Runs the study in {@code folder/embedded} with the embedded executor, then the same study in
     * {@code folder/submitted} through {@code SparkSubmit} on {@code path} with {@code application}.
     */
    static void submit(Path folder, List<String> path, List<String> application) throws Exception {
        Path embedded = SparkStudyTest.study(folder, "embedded");
        SparkStudyTest.run("study", embedded.toString(), "--parallel", "1");
        Path submitted = SparkStudyTest.study(folder, "submitted");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]"));
        command.addAll(application);
        command.addAll(List.of("study", submitted.toString(), "--executor", "spark"));
        Path log = folder.resolve("submit.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process submit = builder.start();
        boolean finished = submit.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            submit.destroyForcibly();
        }
        assertEquals(0, finished ? submit.exitValue() : -1, Files.readString(log));
    }
}
