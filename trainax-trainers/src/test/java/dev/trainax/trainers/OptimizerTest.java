package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

class OptimizerTest {

    private static double[] run(Optimizer optimizer, double[] start, double[]... gradients) {
        INDArray parameters = Nd4j.createFromArray(start.clone());
        OptimizerState state = optimizer.init(start.length, DataType.DOUBLE);
        for (double[] gradient : gradients) {
            optimizer.step(parameters, Nd4j.createFromArray(gradient.clone()), state);
        }
        assertEquals(gradients.length, state.steps());
        return parameters.toDoubleVector();
    }

    @Test
    void sgdMomentumAndNesterovFollowOptax() {
        LearningRateSchedule lr = LearningRateSchedule.constant(0.1);
        assertArrayEquals(new double[] {0.9, 2.2}, run(Optimizer.sgd(lr), new double[] {1, 2}, new double[] {1, -2}),
                1e-12);
        // m1 = g1 = 1, m2 = g2 + 0.5·m1 = 2.5: θ = 1 − 0.1·1 − 0.1·2.5
        assertArrayEquals(new double[] {0.65}, run(Optimizer.momentum(lr, 0.5), new double[] {1},
                new double[] {1}, new double[] {2}), 1e-12);
        // nesterov: step1 g + 0.5·m1 = 1.5, m2 = 2.5, step2 = 2 + 1.25 = 3.25
        assertArrayEquals(new double[] {1 - 0.15 - 0.325}, run(Optimizer.nesterov(lr, 0.5), new double[] {1},
                new double[] {1}, new double[] {2}), 1e-12);
    }

    @Test
    void adamTakesLearningRateSizedFirstSteps() {
        double[] after = run(Optimizer.adam(1e-2), new double[] {1, 1}, new double[] {3, -0.5});
        assertArrayEquals(new double[] {0.99, 1.01}, after, 1e-6);
    }

    @Test
    void adamwDecaysTheWeights() {
        double[] plain = run(Optimizer.adam(1e-2), new double[] {2}, new double[] {1});
        double[] decayed = run(Optimizer.adamw(LearningRateSchedule.constant(1e-2), 0.1), new double[] {2},
                new double[] {1});
        assertEquals(plain[0] - 1e-2 * 0.1 * 2, decayed[0], 1e-9);
    }

    @Test
    void clippingBoundsTheGlobalNorm() {
        double[] clipped = run(Optimizer.sgd(LearningRateSchedule.constant(1)).withGradientClipping(1.0),
                new double[] {0, 0}, new double[] {3, 4});
        assertArrayEquals(new double[] {-0.6, -0.8}, clipped, 1e-12);
    }

    @Test
    void schedulesMatchTheirFormulas() {
        LearningRateSchedule cosine = LearningRateSchedule.warmupCosine(0, 1e-3, 10, 110, 1e-5);
        assertEquals(0.0, cosine.at(0));
        assertEquals(5e-4, cosine.at(5), 1e-15);
        assertEquals(1e-3, cosine.at(10), 1e-15);
        assertEquals(1e-5 + (1e-3 - 1e-5) * 0.5, cosine.at(60), 1e-15);
        assertEquals(1e-5, cosine.at(500), 1e-15);
        assertEquals(0.25, LearningRateSchedule.exponentialDecay(1, 10, 0.5, true).at(25), 1e-15);
        assertEquals(Math.pow(0.5, 2.5), LearningRateSchedule.exponentialDecay(1, 10, 0.5, false).at(25), 1e-15);
        assertEquals(0.01, LearningRateSchedule.step(1, 0.1, 100).at(250), 1e-15);
    }

    /** Adam's own loop gives ND4J's AdamUpdater results, parameters and moments, over several steps. */
    @Test
    void adamFollowsNd4jsUpdater() {
        INDArray start = RandomArrays.gaussian(3, DataType.DOUBLE, 5);
        INDArray[] gradients = {RandomArrays.gaussian(4, DataType.DOUBLE, 5), RandomArrays.gaussian(5, DataType.DOUBLE, 5),
                RandomArrays.gaussian(6, DataType.DOUBLE, 5).muli(1e-3)};
        Optimizer adamw = Optimizer.adamw(LearningRateSchedule.exponentialDecay(0.1, 1, 0.5, true), 0.01);
        INDArray parameters = start.dup();
        OptimizerState state = adamw.init(5, DataType.DOUBLE);
        INDArray expected = start.dup();
        INDArray moments = Nd4j.zeros(DataType.DOUBLE, 1, 10);
        GradientUpdater<?> reference = new Adam(1.0)
                .instantiate(moments, true);
        for (int step = 0; step < gradients.length; step++) {
            adamw.step(parameters, gradients[step].dup(), state);
            INDArray update = gradients[step].dup();
            reference.applyUpdater(update, step, 0);
            expected.subi(update.addi(expected.mul(0.01)).muli(0.1 * Math.pow(0.5, step)));
            assertArrayEquals(expected.toDoubleVector(), parameters.toDoubleVector(), 1e-14, "step " + step);
            assertArrayEquals(moments.toDoubleVector(), state.buffers().toDoubleVector(), 1e-14, "moments, step " + step);
        }
    }
}
