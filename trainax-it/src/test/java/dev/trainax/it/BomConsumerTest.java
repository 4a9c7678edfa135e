package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer project that imports {@code trainax-bom} and names every module without a version
 * resolves them all. Runs Maven offline against the local repository, which {@code mvn install}
 * (the project's test command) fills before this last module's tests run.
 */
class BomConsumerTest {

    private static final List<String> MODULES = List.of("api", "engine", "losses", "configs", "nn", "sampledata",
            "trainers", "callbacks", "evaluation", "metrics-prometheus", "testkit", "cli", "spark", "bench");

    @Test
    void aConsumerImportingTheBomResolvesEveryModule(@TempDir Path consumer) throws Exception {
        String version = System.getProperty("project.version");
        StringBuilder dependencies = new StringBuilder();
        for (String module : MODULES) {
            dependencies.append("    <dependency><groupId>dev.trainax</groupId><artifactId>trainax-").append(module)
                    .append("</artifactId></dependency>\n");
        }
        Files.writeString(consumer.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>consumer</artifactId><version>1</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>dev.trainax</groupId><artifactId>trainax-bom</artifactId>
                      <version>%s</version><type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(version, dependencies));
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        Path log = consumer.resolve("resolve.log");
        Process process = new ProcessBuilder(mvn.toString(), "-B", "-o",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list", "-DexcludeTransitive=true")
                .directory(consumer.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "maven timed out");
        String output = read(log);
        assertEquals(0, process.exitValue(), output);
        for (String module : MODULES) {
            assertTrue(output.contains("dev.trainax:trainax-" + module + ":jar:" + version), module + "\n" + output);
        }
    }

    @Test
    void theBomManagesJUnitAndGuiceAtTheParentsVersions() throws IOException {
        Path root = Path.of(System.getProperty("reactor.root"));
        String parent = read(root.resolve("pom.xml"));
        String bom = read(root.resolve("trainax-bom/pom.xml"));
        for (String property : List.of("junit.version", "guice.version")) {
            Matcher inParent = Pattern.compile("<" + property + ">([^<]+)<").matcher(parent);
            Matcher inBom = Pattern.compile("<" + property + ">([^<]+)<").matcher(bom);
            assertTrue(inParent.find() && inBom.find(), property);
            assertEquals(inParent.group(1), inBom.group(1), property + " differs between the parent and the BOM");
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
