package dev.trainax.bench;

import dev.trainax.nn.Activation;
import dev.trainax.nn.Fno;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 2D FNO training step: pdequinox's default {@code fno} (width 32, 12 modes, 4 blocks, GELU;
 * 2,363,617 parameters) on 64×64 states with one channel, supervised one-step, MSE, Adam 1e-3,
 * batch 20, float32. The data are seeded standard normal pairs of states (the step's cost does not
 * depend on the values). Prints the first step (graph building included) and the medians of the
 * steps after {@value #WARMUP} warm-up steps, wall time and the training thread's CPU time.
 * Arguments: {@code [--steps N]} (default 30), {@code [--points N]} (default 64).
 */
public final class FnoBench {

    private static final int WARMUP = 5;

    private FnoBench() {
    }

    /** Runs the workload and prints its timings. */
    public static void main(String[] args) {
        Map<String, String> options = Bench.options(args);
        int steps = Integer.parseInt(options.getOrDefault("--steps", "30"));
        int points = Integer.parseInt(options.getOrDefault("--points", "64"));
        INDArray data = Nd4j.randn(7L, new long[] {40, 2, 1, points, points}).castTo(DataType.FLOAT);
        Fno fno = new Fno(2, 1, 32, 12, 4, Activation.GELU);
        StepTimer timer = new StepTimer(steps);
        var trainer = SupervisedRun.plan(data, 1, steps, 20, 1e-3).progress(timer).build();
        timer.start();
        trainer.train(fno, fno.initialParameters(0), 42);
        System.out.printf("FNO 2D %dx%d, 1 channel, batch 20, supervised r=1, MSE, Adam; OMP_NUM_THREADS=%s:%n"
                + "  first step (graph build included) %.0f ms; steps %d..%d: median %.1f ms/step wall, %.1f ms/step CPU "
                + "of the training thread%n", points, points, System.getenv("OMP_NUM_THREADS"), timer.firstStepMillis(),
                WARMUP + 1, steps, timer.medianMillis(WARMUP), timer.medianCpuMillis(WARMUP));
    }
}
