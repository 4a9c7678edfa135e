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
 * own JVM with {@code --master local[2]}; the spark executor takes spark-submit's master and the
 * runs equal the embedded executor's bit for bit.
 */
class SparkSubmitTest {

    /** Path fragments of the jars that only trainax brings, not a Spark installation. */
    private static final List<String> TRAINAX_ONLY = List.of("/dev/trainax/", "/org/nd4j/", "/org/bytedeco/",
            "/com/google/inject/", "/info/picocli/", "/io/micrometer/", "/org/jfree/", "/org/yaml/", "/trainax-");

    @TempDir
    Path folder;

    private static List<String> testPath() {
        return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .flatMap(entries -> Stream.of(entries.split(File.pathSeparator))).filter(e -> !e.isEmpty()).toList();
    }

    /** {@code --class dev.trainax.cli.Main}, the command line's jar as the application, our jars on the class path. */
    @Test
    void sparkSubmitRunsAStudyWithTheCommandLinesJar() throws Exception {
        List<String> path = testPath();
        Optional<String> application = path.stream()
                .filter(entry -> Path.of(entry).getFileName().toString().matches("trainax-cli-.*\\.jar")).findFirst();
        assumeTrue(application.isPresent(), "the command line's jar is packaged (mvn install), not only compiled");
        submit(path, List.of("--class", "dev.trainax.cli.Main", application.get()));
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

    /**
     * The module's application jar alone (built by {@code -Papplication-jar}) on a class path of
     * Spark and its dependencies without anything only trainax brings.
     */
    @Test
    void sparkSubmitRunsAStudyWithTheApplicationJar() throws Exception {
        Optional<Path> application;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            application = files.filter(file -> file.getFileName().toString().matches("trainax-spark-.*-application\\.jar"))
                    .findFirst();
        }
        assumeTrue(application.isPresent(), "the application jar is built (mvn -Papplication-jar package)");
        List<String> spark = testPath().stream().filter(entry -> TRAINAX_ONLY.stream()
                .noneMatch(fragment -> entry.replace(File.separatorChar, '/').contains(fragment))).toList();
        submit(spark, List.of(application.get().toAbsolutePath().toString()));
        // the jar holds ND4J's generic native build, these tests load the oneDNN one: equal up to rounding
        List<String> expected = Files.readAllLines(folder.resolve("embedded/results.csv"));
        List<String> actual = Files.readAllLines(folder.resolve("submitted/results.csv"));
        assertEquals(expected.size(), actual.size());
        for (int row = 1; row < expected.size(); row++) {
            String key = expected.get(row).substring(0, expected.get(row).lastIndexOf(','));
            assertEquals(key, actual.get(row).substring(0, actual.get(row).lastIndexOf(',')));
            assertEquals(value(expected.get(row)), value(actual.get(row)), 1e-5 * Math.abs(value(expected.get(row))),
                    actual.get(row));
        }
    }

    private static double value(String row) {
        return Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
    }

    /** The embedded study, then the same study through {@code SparkSubmit} with {@code application}. */
    private void submit(List<String> path, List<String> application) throws Exception {
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
        String output = Files.readString(log);
        assertEquals(0, finished ? submit.exitValue() : -1, output);
    }
}
