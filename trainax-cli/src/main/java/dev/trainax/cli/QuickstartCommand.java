package dev.trainax.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FirstOrderUpwind;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainax quickstart}: Trainax's README example end to end. A kernel-2 circular convolution
 * without bias learns 1D advection (CFL −0.75, 20 trajectories × 100 steps × 30 points) with
 * supervised rollout r = 1, 5, 20 (Adam 1e-2, 1000 steps, batch 32); prints the distance of each
 * learned stencil to first-order upwind [0.25, 0.75]. The engine and the loss are created when
 * the command runs, not when the command line is assembled (help and the other commands need no engine).
 */
@Command(name = "quickstart", sortOptions = false, description = {
    "Train Trainax's README example (advection, kernel-2 conv) and print each learned stencil's distance "
            + "to first-order upwind."})
final class QuickstartCommand implements Callable<Integer> {

    private static final double CFL = -0.75;

    @Spec
    private CommandSpec command;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000", converter = PositiveInteger.class,
            description = "training steps per rollout length (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--rollouts", paramLabel = "R", split = ",", defaultValue = "1,5,20",
            converter = PositiveInteger.class,
            description = "comma-separated rollout lengths, one run each (default: ${DEFAULT-VALUE})")
    private int[] rollouts;

    @Mixin
    private HelpOption help;

    private final Provider<Engine> engine;
    private final Provider<TimeLevelLoss> defaultLoss;

    @Inject
    QuickstartCommand(Provider<Engine> engine, Provider<TimeLevelLoss> defaultLoss) {
        this.engine = engine;
        this.defaultLoss = defaultLoss;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Engine engine = this.engine.get();
        TimeLevelLoss defaultLoss = this.defaultLoss.get();
        INDArray data = Advection1d.periodic(30, 20, CFL, 5, 100, 0);
        Conv1d conv = new Conv1d(1, 1, 2, false);
        INDArray fou = Nd4j.createFromArray(new FirstOrderUpwind(CFL).stencil());
        out.printf("advection 1D, CFL %.2f: %s trajectories; FOU stencil %s%n", CFL,
                Arrays.toString(data.shape()), Arrays.toString(fou.toDoubleVector()));
        List<Double> distances = new ArrayList<>();
        for (int r : rollouts) {
            long start = System.nanoTime();
            TrainingResult result = Trainer.of(Supervised.of(r)).trajectories(data).engine(engine)
                    .defaultLoss(defaultLoss).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(steps).batchSize(32)
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
}
