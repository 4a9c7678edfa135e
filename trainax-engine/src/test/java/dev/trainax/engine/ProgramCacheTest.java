package dev.trainax.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.testkit.Tiny;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine compiles a program once per structure: a step-independent program once, one whose
 * rollout length follows the progress or a random integer once per length met, and it evaluates
 * a cached structure exactly as a fresh compilation does.
 */
class ProgramCacheTest {

    /** {@code Σₜ l(fᵗ(u⁰), uᵗ)} over a rollout of {@code length(ops)} steps, at most 3. */
    private record Rollout(String name, ToIntFunction<RolloutOps> length) implements Configuration {
        @Override
        public DataRequirement dataRequirement() {
            return new DataRequirement(4, false, false);
        }

        @Override
        public Scalar loss(RolloutOps ops) {
            int steps = length.applyAsInt(ops);
            State prediction = ops.data(0);
            List<Scalar> terms = new ArrayList<>();
            double[] weights = new double[steps];
            for (int t = 1; t <= steps; t++) {
                prediction = ops.network(prediction);
                terms.add(ops.loss(null, prediction, ops.data(t)));
                weights[t - 1] = 1;
            }
            return ops.weightedSum(weights, terms);
        }
    }

    private static ProgramCache compile(Configuration configuration) {
        return (ProgramCache) new SameDiffEngine().compile(TrainingProblem.builder().configuration(configuration)
                .network(Tiny.network(), Tiny.network().initialParameters(3)).defaultLoss(Tiny.mse())
                .stateShape(Tiny.STATE_SHAPE).dataType(DataType.DOUBLE).build());
    }

    @Test
    void oneProgramPerStructure() {
        INDArray windows = Tiny.windows(new SameDiffEngine(), 3, 4, 1);
        var parameters = Tiny.network().initialParameters(3).copy(DataType.DOUBLE);
        Rollout fixed = new Rollout("fixed", ops -> 2);
        Rollout scheduled = new Rollout("scheduled", ops -> 1 + ops.progress().updateStep() % 3);
        Rollout random = new Rollout("random", ops -> 1 + ops.randomInt(3));
        try (ProgramCache fixedCache = compile(fixed); ProgramCache scheduledCache = compile(scheduled);
             ProgramCache randomCache = compile(random)) {
            for (int step = 0; step < 12; step++) {
                TrainingProgress progress = new TrainingProgress(5, step, 12);
                fixedCache.lossAndGradient(parameters, windows, progress);
                double cached = scheduledCache.lossAndGradient(parameters, windows, progress).loss();
                int length = 1 + step % 3;
                try (ProgramCache fresh = compile(new Rollout("length " + length, ops -> length))) {
                    assertEquals(fresh.loss(parameters, windows), cached, 0.0, "step " + step);
                }
                randomCache.loss(parameters, windows, progress);
            }
            assertEquals(1, fixedCache.programsKept(), "a program that reads neither progress nor randomInt");
            assertEquals(3, scheduledCache.programsKept(), "one per rollout length");
            assertTrue(randomCache.programsKept() >= 2 && randomCache.programsKept() <= 3,
                    "one per length drawn, got " + randomCache.programsKept());
        }
    }
}
