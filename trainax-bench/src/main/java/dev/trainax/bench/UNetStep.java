package dev.trainax.bench;

import dev.trainax.nn.Activation;
import dev.trainax.nn.BoundaryMode;
import java.util.Locale;
import dev.trainax.nn.UNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training step of pdequinox's default UNet in 2D (64×64, one channel, 2,357,441 parameters):
 * supervised one-step MSE, Adam 1e-3, batch 20, on 20 trajectories of two standard normal levels
 * (seed 0; the data's values do not change the step's cost). Prints the first step's time (graph
 * building included) and the median over the steps after a warm-up. Arguments:
 * {@code [steps [boundaryMode [norm]]]}, by default 30 (5 of them warm-up), periodic, true.
 */
public final class UNetStep {

    private static final int WARMUP = 5;

    private UNetStep() {
    }

    /** Trains and prints the step times. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (steps < WARMUP + 1) {
            throw new IllegalArgumentException("steps: must be at least " + (WARMUP + 1) + ", got " + steps);
        }
        Nd4j.getRandom().setSeed(0);
        INDArray data = Nd4j.randn(DataType.FLOAT, 20, 2, 1, 64, 64);
        BoundaryMode boundary = args.length > 1 ? BoundaryMode.valueOf(args[1].toUpperCase(Locale.ROOT))
                : BoundaryMode.PERIODIC;
        boolean norm = args.length <= 2 || Boolean.parseBoolean(args[2]);
        UNet network = new UNet(2, 1, 16, 4, Activation.RELU, boundary.padding(), norm);
        StepTimer timer = new StepTimer(steps);
        var trainer = SupervisedRun.plan(data, 1, steps, 20, 1e-3).progress(timer).build();
        System.out.printf("%s 64x64, batch 20, ND4J native build: %s, OMP_NUM_THREADS=%s%n", network,
                Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN") ? "oneDNN" : "generic",
                System.getenv("OMP_NUM_THREADS"));
        timer.start();
        trainer.train(network, network.initialParameters(0), 0);
        System.out.printf("first step (graph building included): %.0f ms; median of %d steps after %d warm-up "
                + "steps: %.1f ms%n", timer.firstStepMillis(), steps - WARMUP, WARMUP, timer.medianMillis(WARMUP));
    }
}
