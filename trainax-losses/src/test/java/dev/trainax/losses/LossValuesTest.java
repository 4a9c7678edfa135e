package dev.trainax.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loss values against hand computation: an identity "network" makes one-step supervised training
 * evaluate {@code l(u⁰, u¹)}, and the residuum {@code R(next, prev) = 2·next − prev} makes
 * one-step residuum training evaluate {@code l(u⁰)}. The two programs are written here against
 * {@link RolloutOps}, as the configurations write them, because the configurations' module
 * test-depends on this one.
 */
class LossValuesTest {

    private static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");

    /** {@code l(f(u⁰), u¹)}: one-step supervised training. */
    private record OneStepSupervised(TimeLevelLoss loss) implements Configuration {
        @Override
        public DataRequirement dataRequirement() {
            return new DataRequirement(2, false, false);
        }

        @Override
        public Scalar loss(RolloutOps ops) {
            return ops.loss(loss, ops.network(ops.data(0)), ops.data(1));
        }
    }

    /** {@code l(R(f(u⁰), u⁰))}: one-step residuum training. */
    private record OneStepResiduum(TimeLevelLoss loss) implements Configuration {
        @Override
        public DataRequirement dataRequirement() {
            return new DataRequirement(1, 2, false, true);
        }

        @Override
        public Scalar loss(RolloutOps ops) {
            return ops.loss(loss, ops.residuum(ops.network(ops.data(0)), ops.data(0)));
        }
    }

    /** Two samples of one channel and three points: prediction u⁰ and target u¹. */
    private static final double[][] PREDICTION = {{1, -2, 3}, {0, 0, 4}};
    private static final double[][] TARGET = {{2, -2, 1}, {1, 1, 2}};
    private static final Stepper IDENTITY = (context, state) -> state;

    private static INDArray windows() {
        INDArray windows = Nd4j.create(DataType.DOUBLE, 2, 2, 1, 3);
        for (int s = 0; s < 2; s++) {
            for (int x = 0; x < 3; x++) {
                windows.putScalar(new long[] {s, 0, 0, x}, PREDICTION[s][x]);
                windows.putScalar(new long[] {s, 1, 0, x}, TARGET[s][x]);
            }
        }
        return windows;
    }

    private static double supervised(TimeLevelLoss loss) {
        return evaluate(new OneStepSupervised(loss));
    }

    private static double residuum(TimeLevelLoss loss) {
        return evaluate(new OneStepResiduum(loss));
    }

    private static double evaluate(Configuration configuration) {
        try (Objective objective = ENGINE.compile(TrainingProblem.builder().configuration(configuration)
                .network(IDENTITY, Parameters.of(Map.of())).residuum((context, next, previous) -> next.mul(2).sub(previous))
                .stateShape(1, 3).dataType(DataType.DOUBLE).build())) {
            return objective.loss(Parameters.of(Map.of()), windows());
        }
    }

    /** Per sample: mean over points of f(prediction, target). */
    private static double[] perSample(DoubleBinaryOperator f) {
        double[] values = new double[2];
        for (int s = 0; s < 2; s++) {
            for (int x = 0; x < 3; x++) {
                values[s] += f.applyAsDouble(PREDICTION[s][x], TARGET[s][x]) / 3;
            }
        }
        return values;
    }

    private static double mean(double[] values) {
        return (values[0] + values[1]) / 2;
    }

    @Test
    void pointwiseLossesMatchTheirFormulas() {
        double[] se = perSample((p, t) -> (p - t) * (p - t));
        double[] ae = perSample((p, t) -> Math.abs(p - t));
        double[] targetSquare = perSample((p, t) -> t * t);
        double[] targetAbs = perSample((p, t) -> Math.abs(t));
        double[] cube = perSample((p, t) -> Math.pow(Math.abs(p - t), 3));
        double mse = mean(se);
        assertEquals(mse, supervised(MeanPowerLoss.mse(BatchReduction.MEAN)), 1e-12);
        assertEquals(se[0] + se[1], supervised(MeanPowerLoss.mse(BatchReduction.SUM)), 1e-12);
        assertEquals(mean(ae), supervised(MeanPowerLoss.mae(BatchReduction.MEAN)), 1e-12);
        assertEquals((Math.sqrt(se[0]) + Math.sqrt(se[1])) / 2, supervised(MeanPowerLoss.rmse(BatchReduction.MEAN)),
                1e-12);
        assertEquals((se[0] / targetSquare[0] + se[1] / targetSquare[1]) / 2,
                supervised(MeanPowerLoss.nmse(BatchReduction.MEAN)), 1e-12);
        assertEquals((ae[0] / targetAbs[0] + ae[1] / targetAbs[1]) / 2,
                supervised(MeanPowerLoss.nmae(BatchReduction.MEAN)), 1e-12);
        assertEquals((Math.sqrt(se[0] / targetSquare[0]) + Math.sqrt(se[1] / targetSquare[1])) / 2,
                supervised(MeanPowerLoss.nrmse(BatchReduction.MEAN)), 1e-12);
        assertEquals((Math.cbrt(cube[0]) + Math.cbrt(cube[1])) / 2,
                supervised(MeanPowerLoss.lp(3, false, BatchReduction.MEAN)), 1e-12);
        assertEquals(2 * mse + 0.5 * mean(ae), supervised(new CompositeLoss(List.of(
                MeanPowerLoss.mse(BatchReduction.MEAN), MeanPowerLoss.mae(BatchReduction.MEAN)),
                new double[] {2, 0.5})), 1e-12);
    }

    @Test
    void singleInputLossesReduceTheResiduum() {
        assertEquals(mean(perSample((p, t) -> p * p)), residuum(MeanPowerLoss.mse(BatchReduction.MEAN)), 1e-12);
        assertEquals(mean(perSample((p, t) -> Math.abs(p))), residuum(MeanPowerLoss.mae(BatchReduction.MEAN)), 1e-12);
        double[] square = perSample((p, t) -> p * p);
        assertEquals((Math.sqrt(square[0]) + Math.sqrt(square[1])) / 2,
                residuum(MeanPowerLoss.rmse(BatchReduction.MEAN)), 1e-12);
    }
}
