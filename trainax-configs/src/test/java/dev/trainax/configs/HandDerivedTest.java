package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Mlp;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The linear stepper {@code u ↦ a·u}, where every loss and gradient has a closed form: cutting
 * BPTT removes exactly the chain-rule factor through earlier steps. It runs as {@code u ↦ W·u} with
 * {@code W = a·I} on two identical degrees of freedom, so the loss equals the scalar case and
 * {@code ∂L/∂W₀₀} is half of {@code dL/da}.
 */
class HandDerivedTest {

    private static final double A = 0.8;
    private static final double[] U0 = {1.0, -2.0};
    private static final double[] D1 = {0.5, -1.0};
    private static final double[] D2 = {0.7, -0.9};

    private static LossAndGradient evaluate(Configuration configuration) {
        Mlp linear = new Mlp(2, 1, 0, Activation.IDENTITY);
        Parameters parameters = Parameters.of(Map.of("layer0.weight", Nd4j.createFromArray(new double[][] {{A, 0},
                {0, A}}), "layer0.bias", Nd4j.createFromArray(new double[] {0.0, 0.0})));
        INDArray windows = Nd4j.createFromArray(new double[][][] {{{U0[0], U0[0]}, {D1[0], D1[0]}, {D2[0], D2[0]}},
                {{U0[1], U0[1]}, {D1[1], D1[1]}, {D2[1], D2[1]}}});
        try (Objective objective = Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(configuration)
                .network(linear, parameters).stateShape(2).dataType(DataType.DOUBLE).build())) {
            return objective.lossAndGradient(parameters, windows);
        }
    }

    /** dL/da = ∂L/∂W₀₀ + ∂L/∂W₁₁ = 2 ∂L/∂W₀₀. */
    private static double derivativeByA(LossAndGradient result) {
        return 2 * result.gradient().get("layer0.weight").getDouble(0, 0);
    }

    private static double mean(IntToDoubleFunction f) {
        return (f.applyAsDouble(0) + f.applyAsDouble(1)) / 2;
    }

    @Test
    void twoStepSupervisedMatchesTheChainRule() {
        LossAndGradient result = evaluate(Supervised.of(2));
        double loss = mean(i -> Math.pow(A * U0[i] - D1[i], 2)) + mean(i -> Math.pow(A * A * U0[i] - D2[i], 2));
        double gradient = mean(i -> 2 * (A * U0[i] - D1[i]) * U0[i])
                + mean(i -> 2 * (A * A * U0[i] - D2[i]) * 2 * A * U0[i]);
        assertEquals(loss, result.loss(), 1e-12);
        assertEquals(gradient, derivativeByA(result), 1e-12);
    }

    @Test
    void scalarStatesWork() {
        Mlp linear = new Mlp(1, 1, 0, Activation.IDENTITY);
        Parameters parameters = Parameters.of(Map.of("layer0.weight", Nd4j.createFromArray(new double[][] {{A}}),
                "layer0.bias", Nd4j.createFromArray(new double[] {0.0})));
        INDArray windows = Nd4j.createFromArray(new double[][][] {{{U0[0]}, {D1[0]}, {D2[0]}},
                {{U0[1]}, {D1[1]}, {D2[1]}}});
        try (Objective objective = Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(linear, parameters).stateShape(1).dataType(DataType.DOUBLE).build())) {
            LossAndGradient result = objective.lossAndGradient(parameters, windows);
            assertEquals(mean(i -> Math.pow(A * U0[i] - D1[i], 2)) + mean(i -> Math.pow(A * A * U0[i] - D2[i], 2)),
                    result.loss(), 1e-12);
            assertEquals(mean(i -> 2 * (A * U0[i] - D1[i]) * U0[i])
                    + mean(i -> 2 * (A * A * U0[i] - D2[i]) * 2 * A * U0[i]),
                    result.gradient().get("layer0.weight").getDouble(0, 0), 1e-12);
        }
    }

    @Test
    void cuttingBpttDropsTheFactorThroughTheFirstStep() {
        LossAndGradient result = evaluate(Supervised.of(2).withCutBptt(1));
        // û² = a · stop(a·u⁰): d û²/da = a·u⁰ instead of 2a·u⁰
        double gradient = mean(i -> 2 * (A * U0[i] - D1[i]) * U0[i])
                + mean(i -> 2 * (A * A * U0[i] - D2[i]) * A * U0[i]);
        assertEquals(gradient, derivativeByA(result), 1e-12);
    }

    @Test
    void timeLevelWeightsScaleEachTerm() {
        LossAndGradient result = evaluate(Supervised.of(2).withTimeLevelWeights(3.0, 0.0));
        assertEquals(3 * mean(i -> 2 * (A * U0[i] - D1[i]) * U0[i]),
                derivativeByA(result), 1e-12);
    }

    @Test
    void teacherForcingRestartsFromTheData() {
        LossAndGradient result = evaluate(TeacherForcing.of(2, 1));
        double loss = mean(i -> Math.pow(A * U0[i] - D1[i], 2)) + mean(i -> Math.pow(A * D1[i] - D2[i], 2));
        double gradient = mean(i -> 2 * (A * U0[i] - D1[i]) * U0[i]) + mean(i -> 2 * (A * D1[i] - D2[i]) * D1[i]);
        assertEquals(loss, result.loss(), 1e-12);
        assertEquals(gradient, derivativeByA(result), 1e-12);
    }
}
