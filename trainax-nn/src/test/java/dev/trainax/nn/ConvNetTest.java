package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.testkit.GradientCheck;
import dev.trainax.testkit.RandomArrays;
import dev.trainax.testkit.Tiny;
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
        ResNet net = new ResNet(1, 2, 3, 2, 3, Activation.TANH, Padding.REFLECT);
        Parameters parameters = net.initialParameters(2).copy(DataType.DOUBLE);
        // lift 2·3·3+3, two blocks of 2·(3·3·3+3), project 3·2·3+2
        assertEquals(21 + 2 * 60 + 20, parameters.count());
        INDArray windows = RandomArrays.gaussian(4, DataType.DOUBLE, 3, 3, 2, 8);
        try (Objective objective = LayerValuesTest.ENGINE.compile(TrainingProblem.builder()
                .configuration(Tiny.supervised(2))
                .network(net, parameters).stateShape(2, 8).dataType(DataType.DOUBLE).build())) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Padding.class)
    void gradientsMatchFiniteDifferences(Padding padding) {
        ConvNet net = new ConvNet(2, 3, 1, 3, Activation.TANH, padding);
        Parameters parameters = net.initialParameters(1).copy(DataType.DOUBLE);
        INDArray windows = RandomArrays.gaussian(3, DataType.DOUBLE, 3, 3, 2, 8);
        try (Objective objective = LayerValuesTest.ENGINE.compile(TrainingProblem.builder()
                .configuration(Tiny.supervised(2))
                .network(net, parameters).stateShape(2, 8).dataType(DataType.DOUBLE).build())) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertEquals(parameters.count(), result.entries());
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }
}
