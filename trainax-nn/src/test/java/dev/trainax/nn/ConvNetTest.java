package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.nd4j.linalg.ops.transforms.Transforms;

/** The ConvNet: the peer's parameter count, exact gradients through a rollout, and the circular halo's renewal. */
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

    @Test
    void renewsTheCircularHaloHalfwayWhereItWouldAddAQuarterOfTheWork() {
        assertEquals(1.347, ConvStack.haloWork(new long[] {64, 64}, 11, 2), 1e-3);
        assertEquals(6, ConvStack.haloRenewal(new long[] {64, 64}, 11, 2), "the 2D ConvNet of the benchmark");
        assertEquals(11, ConvStack.haloRenewal(new long[] {160}, 11, 2), "1D Burgers: 1.06 times the work");
        assertEquals(11, ConvStack.haloRenewal(new long[] {4, 4}, 11, 2), "the second half's halo exceeds the grid");
        assertEquals(5, ConvStack.haloRenewal(new long[] {8, 8, 8}, 9, 2), "3D");
    }

    @Test
    void aRenewedHaloGivesTheLayerByLayerConvolutionsAndTheirGradients() {
        assertEquals(2, ConvStack.haloRenewal(new long[] {8, 8}, 4, 2), "four 3x3 convolutions on 8x8: renewed");
        ConvNet net = new ConvNet(2, 1, 3, 2, 3, Activation.TANH, Padding.CIRCULAR);
        Parameters parameters = net.initialParameters(5).copy(DataType.DOUBLE);
        INDArray x = RandomArrays.gaussian(6, DataType.DOUBLE, 2, 1, 8, 8);
        INDArray expected = x;
        String[] layers = {"lift.", "hidden0.", "hidden1.", "project."};
        for (int i = 0; i < layers.length; i++) {
            LoopConvolution layer = new LoopConvolution(2, 8, 3, Padding.CIRCULAR,
                    parameters.get(layers[i] + "weight"), parameters.get(layers[i] + "bias"));
            expected = layer.apply(expected, i == layers.length - 1 ? 1 : 3);
            expected = i == layers.length - 1 ? expected : Transforms.tanh(expected, true);
        }
        assertArrayEquals(expected.data().asDouble(), Networks.step(net, parameters, x).data().asDouble(), 1e-12);

        INDArray windows = RandomArrays.gaussian(7, DataType.DOUBLE, 2, 3, 1, 8, 8);
        try (Objective objective = LayerValuesTest.ENGINE.compile(TrainingProblem.builder()
                .configuration(Tiny.supervised(2))
                .network(net, parameters).stateShape(1, 8, 8).dataType(DataType.DOUBLE).build())) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertEquals(parameters.count(), result.entries());
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }
}
