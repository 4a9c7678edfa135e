package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import dev.trainax.nn.Padding;
import dev.trainax.nn.ResNet;
import dev.trainax.testkit.GradientCheck;
import dev.trainax.testkit.RandomArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two ways 1D ConvNets and ResNets run (matrix products on shifted copies, or ND4J's
 * convolution with circular padding applied once for all layers) give the same loss and gradient,
 * in float64, for every padding, odd and even kernels, and halos wider than the grid.
 */
class ConvolutionPathTest {

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Padding padding : Padding.values()) {
            for (int kernel : new int[] {3, 2, 5}) {
                cases.add(Arguments.of(new ConvNet(1, 2, 3, 2, kernel, Activation.TANH, padding)));
                cases.add(Arguments.of(new ResNet(1, 2, 3, 2, kernel, Activation.RELU, padding)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void nativeConvolutionsEqualMatrixProducts(Network network) {
        assertPathsAgree(network, network.initialParameters(5).copy(DataType.DOUBLE),
                RandomArrays.gaussian(11, DataType.DOUBLE, 3, 3, 2, 9), 9);
    }

    @Test
    void aHaloWiderThanTheGridWrapsSeveralPeriods() {
        // 2 + 4 convolutions of kernel 5 read 12 points to each side of a 4-point grid
        ConvNet network = new ConvNet(1, 1, 2, 4, 5, Activation.TANH, Padding.CIRCULAR);
        Parameters parameters = network.initialParameters(3).copy(DataType.DOUBLE);
        INDArray windows = RandomArrays.gaussian(7, DataType.DOUBLE, 2, 3, 1, 4);
        assertPathsAgree(network, parameters, windows, 4);
        withPath("native", () -> {
            try (Objective objective = compile(network, parameters, 4)) {
                GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
                assertEquals(parameters.count(), result.entries());
                assertTrue(result.maxRelativeError() < 1e-5, result.toString());
            }
        });
    }

    /** Both paths give the same non-trivial loss and the same gradients, to 1e-12. */
    private static void assertPathsAgree(Network network, Parameters parameters, INDArray windows, long points) {
        LossAndGradient matrix = lossAndGradient("matmul", network, parameters, windows, points);
        assertTrue(matrix.loss() > 0.1, "a non-trivial loss: " + matrix.loss());
        Fixture.assertSameLossAndGradient(matrix, lossAndGradient("native", network, parameters, windows, points),
                1e-12);
    }

    @Test
    void anUnknownPathIsNamed() {
        withPath("fast", () -> {
            IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> compile(new ConvNet(1, 2, 1, 3, Activation.RELU),
                            new ConvNet(1, 2, 1, 3, Activation.RELU).initialParameters(0), 8).close());
            assertTrue(error.getMessage().contains("trainax.nn.conv1d must be auto, native or matmul, got 'fast'"),
                    error.getMessage());
        });
    }

    private static LossAndGradient lossAndGradient(String path, Network network, Parameters parameters,
                                                   INDArray windows, long points) {
        LossAndGradient[] result = new LossAndGradient[1];
        withPath(path, () -> {
            try (Objective objective = compile(network, parameters, points)) {
                result[0] = objective.lossAndGradient(parameters, windows);
            }
        });
        return result[0];
    }

    private static Objective compile(Network network, Parameters parameters, long points) {
        return Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(network, parameters).stateShape(channels(parameters), points)
                .dataType(DataType.DOUBLE).build());
    }

    /** The state channels: the lifting convolution's input channels. */
    private static long channels(Parameters parameters) {
        return parameters.get("lift.weight").size(1);
    }

    /** Runs {@code body} with the 1D convolution path chosen by {@code -Dtrainax.nn.conv1d}. */
    private static void withPath(String path, Runnable body) {
        String previous = System.getProperty("trainax.nn.conv1d");
        System.setProperty("trainax.nn.conv1d", path);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty("trainax.nn.conv1d");
            } else {
                System.setProperty("trainax.nn.conv1d", previous);
            }
        }
    }
}
