package dev.trainax.bench;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.nn.Conv1d;
import dev.trainax.nn.ConvolutionPath;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.trainers.GeneralTrainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code trainax-bench}: the quickstart workload (advection, kernel-2 circular conv, Adam 1e-2,
 * batch 32) per rollout length, our trainer and the PyTorch peer ({@code quickstart.py}) in one
 * invocation, ours before and after the peer; prints median ms per training step and the ratio.
 * Then the Burgers ConvNet, 2D ConvNet and Lorenz MLP workloads, the ConvNets' GFLOP/s against
 * one core's sgemm peak and the 2D ConvNet by rollout length ({@link PeerWorkloads};
 * {@code --peer-workloads false} skips them).
 * Arguments: {@code [--peer DIR] [--own-peer DIR] [--steps N] [--rollouts 1,5,20] [--scaling 5,10,20,30,40,50]}
 * ({@code --own-peer}: this project's peer scripts, default {@code trainax-bench/peer}); {@code --soak N}
 * instead runs N quickstart steps and reports resident memory along the way.
 */
public final class Bench {

    private static final int WARMUP = 5;

    private Bench() {
    }

    /** Runs the benchmark and prints its tables. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path peer = Path.of(options.getOrDefault("--peer", "../shared/peer"));
        int steps = Integer.parseInt(options.getOrDefault("--steps", "1000"));
        int[] rollouts = ints(options.getOrDefault("--rollouts", "1,5,20"));
        int[] scaling = ints(options.getOrDefault("--scaling", "5,10,20,30,40,50"));
        double startMemory = ResidentMemory.mebibytes();
        INDArray data = quickstartData(peer);
        if (options.containsKey("--soak")) {
            soak(data, Integer.parseInt(options.get("--soak")));
            return;
        }
        System.out.printf("quickstart data %s from %s; %d steps per run; one OpenMP thread: %s%n",
                Arrays.toString(data.shape()), Files.exists(peerData(peer)) ? peerData(peer) : "Advection1d",
                steps, System.getenv("OMP_NUM_THREADS"));
        System.out.printf("ND4J native build: %s; 1D ConvNet convolutions: %s%n",
                Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN") ? "oneDNN" : "generic",
                ConvolutionPath.Choice.AUTO.path());

        // the first runs of a JVM time partly interpreted code: warm up, then alternate ours and the peer's
        for (int r : rollouts) {
            quickstartStep(data, r, steps);
        }
        Map<Integer, List<Double>> ours = new LinkedHashMap<>();
        Map<Integer, List<Double>> theirs = new LinkedHashMap<>();
        for (int round = 0; round < Rounds.COUNT; round++) {
            for (int r : rollouts) {
                ours.computeIfAbsent(r, k -> new ArrayList<>()).add(quickstartStep(data, r, steps));
            }
            PeerRunner.quickstart(peer).forEach((r, median) -> theirs.computeIfAbsent(r, k -> new ArrayList<>())
                    .add(median));
        }
        System.out.println();
        System.out.printf("| workload | r | ours median ms/step (%d rounds) | PyTorch peer ms/step (%d rounds) "
                + "| ratio ours/peer (median of the rounds' ratios) |%n", Rounds.COUNT, Rounds.COUNT);
        System.out.println("|---|---|---|---|---|");
        for (int r : rollouts) {
            Rounds.row("quickstart", r, ours.get(r), theirs.getOrDefault(r, List.of()));
        }
        System.out.println();
        System.out.println("| r | conv (quickstart) ms/step | per rollout step | elementwise chain ms/step | per rollout step |");
        System.out.println("|---|---|---|---|---|");
        for (int r : scaling) {
            double conv = quickstartStep(data, r, Math.min(steps, 300));
            double chain = stepMillis(data, r, Math.min(steps, 300), new DiagonalStepper(30), "elementwise");
            System.out.printf("| %d | %.2f | %.3f | %.2f | %.3f |%n", r, conv, conv / r, chain, chain / r);
        }
        if (!"false".equals(options.get("--peer-workloads"))) {
            PeerWorkloads.run(peer, Path.of(options.getOrDefault("--own-peer", "trainax-bench/peer")),
                    Math.min(steps, 300));
        }
        System.out.println();
        seedParallel(data, 10, 5, Math.min(steps, 1000));
        System.out.println();
        for (int r : rollouts) {
            Breakdown.quickstart(data, r, Math.min(steps, 300));
        }
        System.out.printf("%nresident memory %.0f MiB at the start, %.0f MiB at the end%n", startMemory,
                ResidentMemory.mebibytes());
    }

    /** {@code seeds} quickstart networks one after another vs together ({@code Conv1d} batches the members). */
    static void seedParallel(INDArray data, int seeds, int r, int steps) {
        Conv1d conv = new Conv1d(1, 1, 2, false);
        List<Parameters> initials = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            initials.add(conv.initialParameters(s));
        }
        SeedParallel quickstart = new SeedParallel("quickstart networks", data, conv, 32, 1e-2);
        quickstart.warmUp(initials.get(0), r, steps);
        quickstart.print(initials, r, steps, Rounds.COUNT);
    }

    private static GeneralTrainer supervised(INDArray data, int r, int steps, StepTimer timer) {
        return SupervisedRun.plan(data, r, steps, 32, 1e-2).progress(timer).build();
    }

    /** Resident memory over a long quickstart run (r = 1), sampled ten times. */
    static void soak(INDArray data, int steps) {
        Conv1d conv = new Conv1d(1, 1, 2, false);
        int every = Math.max(1, steps / 10);
        System.out.printf("soak: quickstart r=1, %d steps; resident memory before %.0f MiB%n", steps,
                ResidentMemory.mebibytes());
        SupervisedRun.plan(data, 1, steps, 32, 1e-2).recordLossEvery(every).progress(progress -> {
            if ((progress.step() + 1) % every == 0) {
                System.out.printf("  step %6d: resident memory %.0f MiB, %.0f steps/s%n", progress.step() + 1,
                        ResidentMemory.mebibytes(), progress.stepsPerSecond());
            }
        }).build().train(conv, conv.initialParameters(73), 42);
    }

    /** Median ms per training step of the quickstart at rollout {@code r}. */
    static double quickstartStep(INDArray data, int r, int steps) {
        return stepMillis(data, r, steps, new Conv1d(1, 1, 2, false), "quickstart");
    }

    /** Median ms per supervised training step of {@code network} at rollout {@code r} (Adam 1e-2, batch 32). */
    static double stepMillis(INDArray data, int r, int steps, Network network, String label) {
        StepTimer timer = new StepTimer(steps);
        GeneralTrainer trainer = supervised(data, r, steps, timer);
        timer.start();
        trainer.train(network, network.initialParameters(73), 42);
        System.out.printf("  ours %s r=%d: median %.3f ms/step, first step (graph build included) %.0f ms%n", label,
                r, timer.medianMillis(WARMUP), timer.firstStepMillis());
        return timer.medianMillis(WARMUP);
    }

    private static Path peerData(Path peer) {
        return peer.resolve("data").resolve("quickstart_advection.f32");
    }

    /** The peer's exact float32 data (20, 100, 1, 30) when present, else the same workload from our generator. */
    static INDArray quickstartData(Path peer) throws IOException {
        Path file = peerData(peer);
        if (!Files.exists(file)) {
            return Advection1d.periodic(30, 20, -0.75, 5, 100, 0);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(20, 100, 1, 30);
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    /** The {@code --name value} pairs of {@code args}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
