package dev.trainax.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The quickstart's median ms per step by rollout length, or empty when PyTorch is missing. */
    static Map<Integer, Double> quickstart(Path peer) throws IOException, InterruptedException {
        return run(peer, "quickstart.py", QUICKSTART);
    }

    /** The Burgers ConvNet's median ms per step for r = 1 and 5. */
    static Map<Integer, Double> burgers(Path peer) throws IOException, InterruptedException {
        return run(peer, "apebench_like.py", QUICKSTART);
    }

    /** The 2D ConvNet's median ms per step for r = 1 and 3 (64 x 64, batch 8). */
    static Map<Integer, Double> convNet2d(Path peer) throws IOException, InterruptedException {
        return run(peer, "convnet_2d.py", QUICKSTART);
    }

    /**
     * The Lorenz MLP's median ms per step for r = 1 and 10: this project's
     * {@code lorenz_rollout.py} in {@code ownPeer} on the shared peer's data, parameters and code.
     */
    static Map<Integer, Double> lorenz(Path ownPeer, Path peer) throws IOException, InterruptedException {
        return run(ownPeer.resolve("lorenz_rollout.py"), List.of("--peer", peer.toString()), QUICKSTART);
    }

    private static Map<Integer, Double> run(Path peer, String name, Pattern pattern)
            throws IOException, InterruptedException {
        return run(peer.resolve(name), List.of(), pattern);
    }

    /** Runs a peer script with one thread; medians by rollout length (1 where the script has none). */
    private static Map<Integer, Double> run(Path script, List<String> arguments, Pattern pattern)
            throws IOException, InterruptedException {
        Map<Integer, Double> medians = new LinkedHashMap<>();
        if (!Files.exists(script) || !Files.isExecutable(PYTHON) || !hasTorch()) {
            System.out.println("  PyTorch peer skipped: needs " + script + " and python3-torch for /usr/bin/python3 "
                    + "(apt-get install python3-torch)");
            return medians;
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), "--threads", "1"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.MINUTES);
        for (String line : output.split("\n")) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                medians.put(matcher.group(1).isEmpty() ? 1 : Integer.parseInt(matcher.group(1)),
                        Double.parseDouble(matcher.group(2)));
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
