package dev.trainax.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-submit} of the module's application jar alone, on a class path of Spark and its
 * dependencies without anything only trainax brings: the study completes and equals the embedded
 * executor's up to rounding (the jar holds ND4J's generic native build, the tests load the oneDNN
 * one). Runs after packaging (failsafe), when the jar exists.
 */
class SparkApplicationJarIT {

    /** Path fragments of the jars that only trainax brings, not a Spark installation. */
    private static final List<String> TRAINAX_ONLY = List.of("/dev/trainax/", "/org/nd4j/", "/org/bytedeco/",
            "/com/google/inject/", "/info/picocli/", "/io/micrometer/", "/org/jfree/", "/org/yaml/", "/trainax-");

    @TempDir
    Path folder;

    @Test
    void sparkSubmitRunsAStudyWithTheApplicationJar() throws Exception {
        Optional<Path> application;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            application = files.filter(file -> file.getFileName().toString()
                    .matches("trainax-spark-.*-application\\.jar")).findFirst();
        }
        assertTrue(application.isPresent(), "the package phase builds target/trainax-spark-VERSION-application.jar");
        List<String> spark = SparkSubmitTest.testPath().stream().filter(entry -> TRAINAX_ONLY.stream()
                .noneMatch(fragment -> entry.replace(File.separatorChar, '/').contains(fragment))).toList();
        SparkSubmitTest.submit(folder, spark, List.of(application.get().toAbsolutePath().toString()));

        List<String> expected = Files.readAllLines(folder.resolve("embedded/results.csv"));
        List<String> actual = Files.readAllLines(folder.resolve("submitted/results.csv"));
        assertEquals(expected.size(), actual.size());
        for (int row = 1; row < expected.size(); row++) {
            assertEquals(key(expected.get(row)), key(actual.get(row)));
            assertEquals(value(expected.get(row)), value(actual.get(row)), 1e-5 * Math.abs(value(expected.get(row))),
                    actual.get(row));
        }
    }

    private static String key(String row) {
        return row.substring(0, row.lastIndexOf(','));
    }

    private static double value(String row) {
        return Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
    }
}
