package dev.trainax.bench;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import dev.trainax.nn.Mlp;
import dev.trainax.nn.Padding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The peer's compute-bound and MLP workloads on the peer's exact data and initial parameters: the
 * Burgers ConvNet (batch 20, Adam 1e-3), the 2D ConvNet (64 x 64, batch 8, Adam 1e-3) and the
 * Lorenz MLP (batch 32, Adam 3e-4, r = 1 and 10), side by side with {@code apebench_like.py},
 * {@code convnet_2d.py} and this project's {@code lorenz_rollout.py}, each in rounds that
 * alternate ours and the peer's; then the ConvNets' GFLOP/s against one core's sgemm peak, ten
 * Burgers ConvNets one after another vs as one ensemble, and the 2D ConvNet's step time by
 * rollout length.
 */
final class PeerWorkloads {

    private PeerWorkloads() {
    }

    /**
     * @param peer    the shared peer's folder
     * @param ownPeer this project's peer scripts for workloads the shared peer lacks
     * @param steps   a scale for the number of timed steps
     */
    static void run(Path peer, Path ownPeer, int steps) throws IOException, InterruptedException {
        Path data = peer.resolve("data");
        if (!Files.exists(data.resolve("burgers_train.f32"))) {
            System.out.println("Burgers and Lorenz workloads skipped: no peer data in " + data);
            return;
        }
        INDArray burgers = Nd4j.createFromArray(floats(data.resolve("burgers_train.f32"))).reshape(50, 51, 1, 160);
        ConvNet convNet = new ConvNet(1, 32, 9, 3, Activation.RELU);
        Parameters convInit = convNet.initialParameters(0).withFlatValues(floats(data.resolve("burgers_convnet_init.f32")));
        INDArray lorenz = Nd4j.createFromArray(floats(data.resolve("lorenz.f32"))).reshape(9, 1000, 3);
        INDArray advDiff2d = Nd4j.createFromArray(floats(data.resolve("advdiff2d_train.f32")))
                .reshape(16, 11, 1, 64, 64);
        ConvNet convNet2d = new ConvNet(2, 1, 16, 9, 3, Activation.RELU, Padding.CIRCULAR);
        Parameters conv2dInit = convNet2d.initialParameters(0)
                .withFlatValues(floats(data.resolve("convnet2d_init.f32")));
        Mlp mlp = new Mlp(3, 60, 6, Activation.RELU);   // 3→60, five 60→60, 60→3: six hidden layers
        Parameters mlpInit = mlp.initialParameters(0).withFlatValues(floats(data.resolve("lorenz_mlp_init.f32")));

        // about 150 and 40 steps, a few seconds each: medians over fewer steps varied by a third between runs
        ConvNetArithmetic burgersArithmetic = new ConvNetArithmetic(160, 3, 1, 32, 9, 20);
        ConvNetArithmetic convNet2dArithmetic = new ConvNetArithmetic(64 * 64, 9, 1, 16, 9, 8);
        Comparison burgersRuns = Comparison.alternate("Burgers ConvNet (28,161 parameters)", Map.of(
                1, () -> median(burgers, convNet, convInit, 1, Math.max(12, steps / 2), 20, 1e-3),
                5, () -> median(burgers, convNet, convInit, 5, Math.max(8, steps / 8), 20, 1e-3)),
                () -> PeerRunner.burgers(peer));
        // the peer times 60 steps after 5 of warm-up per r; ours fewer at r = 3, where a step costs more
        Comparison convNet2dRuns = Comparison.alternate("2D ConvNet 64x64 (21,185 parameters)", Map.of(
                1, () -> median(advDiff2d, convNet2d, conv2dInit, 1, Math.max(12, steps / 5), 8, 1e-3),
                3, () -> median(advDiff2d, convNet2d, conv2dInit, 3, Math.max(12, steps / 10), 8, 1e-3)),
                () -> PeerRunner.convNet2d(peer));
        Comparison lorenzRuns = Comparison.alternate("Lorenz MLP (18,723 parameters)", Map.of(
                1, () -> median(lorenz, mlp, mlpInit, 1, steps, 32, 3e-4),
                10, () -> median(lorenz, mlp, mlpInit, 10, Math.max(50, steps / 4), 32, 3e-4)),
                () -> PeerRunner.lorenz(ownPeer, peer));
        System.out.println();
        System.out.printf("| workload | r | ours median ms/step | PyTorch peer ms/step | ratio ours/peer (median of %d "
                + "rounds' ratios) |%n", Rounds.COUNT);
        System.out.println("|---|---|---|---|---|");
        burgersRuns.printRows();
        convNet2dRuns.printRows();
        lorenzRuns.printRows();

        double peak = SgemmPeak.gflops();
        System.out.printf("%nThe convolutions' nominal arithmetic (ConvNetArithmetic) per second; one core's peak: %.0f "
                + "GFLOP/s (the best of five 2048x2048 sgemm through ND4J's native library)%n", peak);
        System.out.println("| workload | r | ours GFLOP/s | ours, share of peak | peer GFLOP/s | peer, share of peak |");
        System.out.println("|---|---|---|---|---|---|");
        burgersRuns.printThroughput(burgersArithmetic, peak);
        convNet2dRuns.printThroughput(convNet2dArithmetic, peak);

        System.out.println();
        List<Parameters> burgersSeeds = new ArrayList<>();
        for (int seed = 0; seed < 10; seed++) {
            burgersSeeds.add(convNet.initialParameters(seed));
        }
        new SeedParallel("Burgers ConvNets (members in turn through one program: ConvNet does not batch members)",
                burgers, convNet, 20, 1e-3).print(burgersSeeds, 5, Math.max(12, steps / 25), Rounds.COUNT);

        System.out.printf("%n2D ConvNet by rollout length (linear in r: constant per rollout step)%n");
        System.out.println("| r | ms/step | per rollout step | first step (graph build included), ms |");
        System.out.println("|---|---|---|---|");
        for (int r : new int[] {1, 2, 3, 5, 10}) {
            StepTimer timer = timed(advDiff2d, convNet2d, conv2dInit, r, Math.max(8, 40 / r), 8, 1e-3);
            double median = timer.medianMillis(2);
            System.out.printf("| %d | %.1f | %.1f | %.0f |%n", r, median, median / r, timer.firstStepMillis());
        }
    }

    /** The peer's medians by rollout length, from one run of its script. */
    @FunctionalInterface
    private interface PeerMedians {
        Map<Integer, Double> run() throws IOException, InterruptedException;
    }

    /** One workload's medians by rollout length, ours and the peer's, one per round. */
    private record Comparison(String workload, Map<Integer, List<Double>> ours, Map<Integer, List<Double>> theirs) {

        /**
         * {@link Rounds#COUNT} rounds, each timing ours at every rollout length (ascending) and then
         * the peer: the rounds alternate, as the machine's speed drifts within minutes.
         */
        static Comparison alternate(String workload, Map<Integer, DoubleSupplier> ours, PeerMedians peer)
                throws IOException, InterruptedException {
            Comparison comparison = new Comparison(workload, new TreeMap<>(), new TreeMap<>());
            for (int round = 0; round < Rounds.COUNT; round++) {
                new TreeMap<>(ours).forEach((r, timing) -> comparison.ours()
                        .computeIfAbsent(r, k -> new ArrayList<>()).add(timing.getAsDouble()));
                peer.run().forEach((r, median) -> comparison.theirs()
                        .computeIfAbsent(r, k -> new ArrayList<>()).add(median));
            }
            return comparison;
        }

        void printRows() {
            ours.forEach((r, values) -> Rounds.row(workload, r, values, theirs.getOrDefault(r, List.of())));
        }

        /** Per rollout length, the median rounds' GFLOP/s of ours and the peer's, and their shares of {@code peak}. */
        void printThroughput(ConvNetArithmetic arithmetic, double peak) {
            ours.forEach((r, values) -> {
                double mine = arithmetic.gflops(r, Rounds.median(values));
                List<Double> peer = theirs.getOrDefault(r, List.of());
                double peerGflops = peer.isEmpty() ? Double.NaN : arithmetic.gflops(r, Rounds.median(peer));
                String peers = peer.isEmpty() ? "n/a | n/a" : String.format("%.1f | %.0f%%", peerGflops, 100 * peerGflops / peak);
                System.out.printf("| %s | %d | %.1f | %.0f%% | %s |%n", workload, r, mine, 100 * mine / peak, peers);
            });
        }
    }

    private static double median(INDArray data, Network network, Parameters initial, int r, int steps, int batchSize,
                                 double learningRate) {
        StepTimer timer = timed(data, network, initial, r, steps, batchSize, learningRate);
        double median = timer.medianMillis(Math.min(5, steps / 4));
        System.out.printf("  ours %s r=%d: median %.2f ms/step over %d steps, first step (graph build included) "
                + "%.0f ms%n", network, r, median, steps, timer.firstStepMillis());
        return median;
    }

    /** The step times of a supervised run ({@code data}, Adam at {@code learningRate}, data seed 0). */
    private static StepTimer timed(INDArray data, Network network, Parameters initial, int r, int steps,
                                   int batchSize, double learningRate) {
        StepTimer timer = new StepTimer(steps);
        var trainer = SupervisedRun.plan(data, r, steps, batchSize, learningRate).progress(timer).build();
        timer.start();
        trainer.train(network, initial, 0);
        return timer;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
