package dev.trainax.bench;

import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.nn.Conv1d;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.OptimizerState;
import dev.trainax.trainers.PermutationMixer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Where one quickstart training step spends its time: batch gathering, loss and gradient, optimizer. */
final class Breakdown {

    private Breakdown() {
    }

    static void quickstart(INDArray data, int r, int steps) {
        Conv1d conv = new Conv1d(1, 1, 2, false);
        GeneralTrainer trainer = SupervisedRun.plan(data, r, steps, 32, 1e-2).build();
        Engine engine = trainer.plan().engine();
        Parameters parameters = conv.initialParameters(73);
        PermutationMixer mixer = new PermutationMixer(trainer.subStacker().numWindows(), steps, 32, 42);
        Optimizer adam = Optimizer.adam(1e-2);
        INDArray flat = Nd4j.create(DataType.FLOAT, parameters.count());
        OptimizerState state = adam.init(flat.length(), DataType.FLOAT);
        long[][] nanos = new long[4][steps];
        try (Objective objective = engine.compile(trainer.plan().problem(conv, parameters))) {
            for (int step = 0; step < steps; step++) {
                long t0 = System.nanoTime();
                INDArray batch = trainer.subStacker().gather(mixer.minibatch(step).indices());
                long t1 = System.nanoTime();
                double forward = objective.loss(parameters, batch);
                long t2 = System.nanoTime();
                LossAndGradient result = objective.lossAndGradient(parameters, batch);
                long t3 = System.nanoTime();
                adam.step(flat, result.gradient().get("weight").reshape(flat.length()), state);
                long t4 = System.nanoTime();
                nanos[0][step] = t1 - t0;
                nanos[1][step] = t2 - t1;
                nanos[2][step] = t3 - t2;
                nanos[3][step] = t4 - t3;
                if (!Double.isFinite(forward)) {
                    throw new IllegalStateException("loss " + forward);
                }
            }
        }
        System.out.printf("  breakdown r=%d (median ms): gather %.3f | loss only %.3f | loss+gradient %.3f | adam %.3f%n",
                r, median(nanos[0]), median(nanos[1]), median(nanos[2]), median(nanos[3]));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
