package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FirstOrderUpwind;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code trainax quickstart}: Trainax's README example end to end. A kernel-2 circular convolution
 * without bias learns 1D advection (CFL −0.75, 20 trajectories × 100 steps × 30 points) with
 * supervised rollout r = 1, 5, 20 (Adam 1e-2, 1000 steps, batch 32); prints the distance of each
 * learned stencil to first-order upwind [0.25, 0.75].
 */
final class QuickstartCommand {

    private static final double CFL = -0.75;

    private final Engine engine;
    private final TimeLevelLoss defaultLoss;

    @Inject
    QuickstartCommand(Engine engine, TimeLevelLoss defaultLoss) {
        this.engine = engine;
        this.defaultLoss = defaultLoss;
    }

    int run(String[] args, PrintStream out) {
        Options options = Options.parse(args);
        INDArray data = Advection1d.periodic(30, 20, CFL, 5, 100, 0);
        Conv1d conv = new Conv1d(1, 1, 2, false);
        INDArray fou = Nd4j.createFromArray(new FirstOrderUpwind(CFL).stencil());
        out.printf("advection 1D, CFL %.2f: %s trajectories; FOU stencil %s%n", CFL,
                Arrays.toString(data.shape()), Arrays.toString(fou.toDoubleVector()));
        List<Double> distances = new ArrayList<>();
        for (int r : options.rollouts) {
            long start = System.nanoTime();
            TrainingResult result = Trainer.of(Supervised.of(r)).trajectories(data).engine(engine)
                    .defaultLoss(defaultLoss).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(options.steps).batchSize(32)
                    .progress(ProgressBar.forTerminal("r=" + r)).build()
                    .train(conv, conv.initialParameters(73), 42);
            double[] weight = result.parameters().get("weight").castTo(fou.dataType()).reshape(2).toDoubleVector();
            double distance = Nd4j.createFromArray(weight).distance2(fou);
            distances.add(distance);
            out.printf("r=%-2d learned stencil [%.5f, %.5f]  |w - FOU| = %.4f  final loss %.3e  (%.1f s)%n", r,
                    weight[0], weight[1], distance, result.finalLoss(), (System.nanoTime() - start) / 1e9);
        }
        out.println("stencil distances: " + distances.stream().map(d -> String.format("%.4f", d)).toList()
                + " (Trainax prints 0.033, 0.025, 0.017)");
        return 0;
    }

    /** {@code --steps N} and {@code --rollouts 1,5,20}. */
    private record Options(int steps, int[] rollouts) {
        static Options parse(String[] args) {
            int steps = 1000;
            int[] rollouts = {1, 5, 20};
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--steps" -> steps = Main.positive("--steps", value);
                    case "--rollouts" -> rollouts = Arrays.stream(value.split(","))
                            .mapToInt(v -> Main.positive("--rollouts", v.trim())).toArray();
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; known: --steps N, --rollouts R1,R2,...");
                }
            }
            return new Options(steps, rollouts);
        }
    }
}
