package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable artifact: the CLI's distribution zip, unpacked anywhere, runs the main job. */
class DistributionTest {

    @Test
    void theUnpackedDistributionRunsTheQuickstart(@TempDir Path folder) throws Exception {
        String version = System.getProperty("project.version");
        Path zip = Path.of(System.getProperty("reactor.root"), "trainax-cli", "target",
                "trainax-cli-" + version + "-dist.zip");
        assertTrue(Files.exists(zip), zip + " missing");
        unzip(zip, folder);
        Path home = folder.resolve("trainax-" + version);
        home.resolve("bin/trainax").toFile().setExecutable(true);
        home.resolve("bin/launch").toFile().setExecutable(true);
        Process process = new ProcessBuilder(home.resolve("bin/trainax").toString(), "quickstart", "--steps", "20",
                "--rollouts", "1,2").directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("stencil distances: ["), output);
        assertTrue(!output.contains("building"), "a distribution never builds: " + output);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(in, destination);
                }
            }
        }
    }
}
