package dev.trainax.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the PyTorch peer scripts with Debian's python and reads their medians. */
final class PeerRunner {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern QUICKSTART = Pattern.compile("threads=1 r=\\s*(\\d+) .*median=([0-9.]+) ms/step");

    private PeerRunner() {
    }

    /** Median ms per step by rollout length, or empty with a message when PyTorch is missing. */
    static Map<Integer, Double> quickstart(Path peer) throws IOException, InterruptedException {
        Map<Integer, Double> medians = new LinkedHashMap<>();
        Path script = peer.resolve("quickstart.py");
        if (!Files.exists(script) || !Files.isExecutable(PYTHON) || !hasTorch()) {
            System.out.println("  PyTorch peer skipped: needs " + script + " and python3-torch for /usr/bin/python3 "
                    + "(apt-get install python3-torch)");
            return medians;
        }
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), "--threads", "1")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.MINUTES);
        for (String line : output.split("\n")) {
            Matcher matcher = QUICKSTART.matcher(line);
            if (matcher.find()) {
                medians.put(Integer.parseInt(matcher.group(1)), Double.parseDouble(matcher.group(2)));
                System.out.println("  peer " + line.trim());
            }
        }
        return medians;
    }

    private static boolean hasTorch() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
