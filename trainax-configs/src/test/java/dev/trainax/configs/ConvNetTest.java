package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import dev.trainax.testkit.GradientCheck;
import dev.trainax.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The ConvNet: the peer's parameter count, and exact gradients through a rollout. */
class ConvNetTest {

    @Test
    void thePeerArchitectureHas28161Parameters() {
        assertEquals(28_161, new ConvNet(1, 32, 9, 3, Activation.RELU).initialParameters(0).count());
    }

    @Test
    void resNetGradientsMatchFiniteDifferences() {
        dev.trainax.nn.ResNet net = new dev.trainax.nn.ResNet(1, 2, 3, 2, 3, Activation.TANH, dev.trainax.nn.Padding.REFLECT);
        Parameters parameters = net.initialParameters(2).copy(DataType.DOUBLE);
        // lift 2·3·3+3, two blocks of 2·(3·3·3+3), project 3·2·3+2
        assertEquals(21 + 2 * 60 + 20, parameters.count());
        INDArray windows = RandomArrays.gaussian(4, DataType.DOUBLE, 3, 3, 2, 8);
        try (Objective objective = Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(net, parameters).stateShape(2, 8).dataType(DataType.DOUBLE).build())) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(dev.trainax.nn.Padding.class)
    void gradientsMatchFiniteDifferences(dev.trainax.nn.Padding padding) {
        ConvNet net = new ConvNet(2, 3, 1, 3, Activation.TANH, padding);
        Parameters parameters = net.initialParameters(1).copy(DataType.DOUBLE);
        INDArray windows = RandomArrays.gaussian(3, DataType.DOUBLE, 3, 3, 2, 8);
        try (Objective objective = Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(net, parameters).stateShape(2, 8).dataType(DataType.DOUBLE).build())) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertEquals(parameters.count(), result.entries());
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }
}
