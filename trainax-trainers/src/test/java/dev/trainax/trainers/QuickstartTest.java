package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FirstOrderUpwind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trainax's README quickstart: a kernel-2 circular convolution learns the first-order-upwind
 * stencil of advection (CFL −0.75) with supervised rollout r = 1, 5, 20; longer rollouts land
 * closer (Trainax prints 0.033, 0.025, 0.017).
 */
class QuickstartTest {

    private static final double CFL = -0.75;
    private static final INDArray DATA = Advection1d.periodic(30, 20, CFL, 5, 100, 0);
    private static final Conv1d CONV = new Conv1d(1, 1, 2, false);

    static TrainingResult train(int r, int steps) {
        return Trainer.of(Supervised.of(r)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(steps).batchSize(32).build().train(CONV, CONV.initialParameters(73), 42);
    }

    static double stencilDistance(Parameters parameters) {
        INDArray stencil = Nd4j.createFromArray(new FirstOrderUpwind(CFL).stencil());
        return parameters.get("weight").reshape(2).castTo(stencil.dataType()).distance2(stencil);
    }

    @Test
    void longerRolloutsLearnAStencilCloserToFirstOrderUpwind() {
        double d1 = stencilDistance(train(1, 1000).parameters());
        double d5 = stencilDistance(train(5, 1000).parameters());
        double d20 = stencilDistance(train(20, 1000).parameters());
        assertTrue(d1 < 0.045 && d5 < 0.045 && d20 < 0.045, d1 + " " + d5 + " " + d20);
        assertTrue(d1 > d5 && d5 > d20, "distances must decrease with r: " + d1 + " " + d5 + " " + d20);
    }

    @Test
    void theSameSeedIsBitIdentical() {
        TrainingResult first = train(2, 60);
        TrainingResult second = train(2, 60);
        assertArrayEquals(first.lossHistory(), second.lossHistory());
        assertEquals(first.parameters().get("weight"), second.parameters().get("weight"));
        assertEquals(60, first.optimizerState().steps());
        assertTrue(first.lossHistory()[59] < first.lossHistory()[0]);
    }
}
