package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.nn.ConvolutionPath.Choice;
import dev.trainax.testkit.GradientCheck;
import dev.trainax.testkit.RandomArrays;
import dev.trainax.testkit.Tiny;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
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
        for (BoundaryMode boundary : BoundaryMode.values()) {
            for (int kernel : new int[] {3, 2, 5}) {
                cases.add(onEitherPath(path -> new ConvNet(new ConvNet.Options(1, 2, 3, 2, kernel, Activation.TANH,
                        boundary, path))));
                cases.add(onEitherPath(path -> new ResNet(new ResNet.Options(1, 2, 3, 2, kernel, Activation.RELU,
                        boundary, path))));
            }
        }
        return cases.stream();
    }

    /** A network built for a given path, named as it shows itself. */
    private static Arguments onEitherPath(Function<Choice, Network> network) {
        return Arguments.of(Named.of(network.apply(Choice.AUTO).toString(), network));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void nativeConvolutionsEqualMatrixProducts(Function<Choice, Network> network) {
        assertPathsAgree(network, network.apply(Choice.AUTO).initialParameters(5).copy(DataType.DOUBLE),
                RandomArrays.gaussian(11, DataType.DOUBLE, 3, 3, 2, 9), 9);
    }

    @Test
    void aHaloWiderThanTheGridWrapsSeveralPeriods() {
        // 2 + 4 convolutions of kernel 5 read 12 points to each side of a 4-point grid
        Function<Choice, Network> network = path -> new ConvNet(new ConvNet.Options(1, 1, 2, 4, 5, Activation.TANH,
                BoundaryMode.PERIODIC, path));
        Parameters parameters = network.apply(Choice.AUTO).initialParameters(3).copy(DataType.DOUBLE);
        INDArray windows = RandomArrays.gaussian(7, DataType.DOUBLE, 2, 3, 1, 4);
        assertPathsAgree(network, parameters, windows, 4);
        try (Objective objective = compile(network.apply(Choice.NATIVE), parameters, 4)) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertEquals(parameters.count(), result.entries());
            assertTrue(result.maxRelativeError() < 1e-5, result.toString());
        }
    }

    /** Both paths give the same non-trivial loss and the same gradients, to 1e-12. */
    private static void assertPathsAgree(Function<Choice, Network> network, Parameters parameters, INDArray windows,
                                         long points) {
        LossAndGradient matrix = lossAndGradient(network.apply(Choice.MATMUL), parameters, windows, points);
        assertTrue(matrix.loss() > 0.1, "a non-trivial loss: " + matrix.loss());
        LayerValuesTest.assertSameLossAndGradient(matrix, lossAndGradient(network.apply(Choice.NATIVE), parameters, windows,
                points), 1e-12);
    }

    @Test
    void anUnknownPathIsNamed() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PluginRegistry.load().create(PluginKind.NETWORK, "convnet", Map.of("convolutionPath", "fast"),
                        "network"));
        assertTrue(error.getMessage().contains("network.convolutionPath: must be one of [auto, native, matmul], "
                + "got 'fast'"), error.getMessage());
    }

    private static LossAndGradient lossAndGradient(Network network, Parameters parameters, INDArray windows,
                                                   long points) {
        try (Objective objective = compile(network, parameters, points)) {
            return objective.lossAndGradient(parameters, windows);
        }
    }

    private static Objective compile(Network network, Parameters parameters, long points) {
        return LayerValuesTest.ENGINE.compile(TrainingProblem.builder().configuration(Tiny.supervised(2))
                .network(network, parameters).stateShape(channels(parameters), points)
                .dataType(DataType.DOUBLE).build());
    }

    /** The state channels: the lifting convolution's input channels. */
    private static long channels(Parameters parameters) {
        return parameters.get("lift.weight").size(1);
    }
}
