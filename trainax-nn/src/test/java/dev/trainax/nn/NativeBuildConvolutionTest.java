package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.testkit.RandomArrays;
import dev.trainax.testkit.Tiny;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs twice, once per ND4J native build ({@code trainax.test.nativeBuild}, {@code onednn} unless
 * the generic-build Surefire execution says {@code generic}): the build asked for is the one
 * loaded, 1D stacks take its convolution path, and ConvNets and ResNets in float32 give the loss
 * and gradient of a float64 evaluation.
 */
class NativeBuildConvolutionTest {

    private static final boolean ONE_DNN_EXPECTED =
            !"generic".equals(System.getProperty("trainax.test.nativeBuild", "onednn"));

    /** Networks with their state shape {@code (channels, *space)}. */
    static Stream<Arguments> networks() {
        long[] line = {1, 40};
        return Stream.of(Arguments.of(new ConvNet(1, 8, 3, 3, Activation.RELU), line),
                Arguments.of(new ResNet(1, 1, 8, 2, 3, Activation.RELU, Padding.CIRCULAR), line),
                Arguments.of(new ConvNet(1, 8, 2, 3, Activation.TANH, Padding.ZERO), line),
                Arguments.of(new ConvNet(1, 8, 2, 4, Activation.RELU, Padding.REFLECT), line),
                Arguments.of(new ConvNet(2, 1, 4, 1, 3, Activation.RELU, Padding.CIRCULAR), new long[] {1, 12, 12}));
    }

    @Test
    void theBuildAskedForIsLoadedAndOneDimensionalStacksTakeItsPath() {
        assertEquals(ONE_DNN_EXPECTED, Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN"),
                Nd4j.getBackend().buildInfo());
        assertEquals(ONE_DNN_EXPECTED ? ConvolutionPath.NATIVE : ConvolutionPath.MATRIX_PRODUCT,
                ConvolutionPath.Choice.AUTO.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void float32MatchesFloat64(Network network, long[] stateShape) {
        Parameters parameters = network.initialParameters(2);
        long[] windowShape = new long[stateShape.length + 2];
        windowShape[0] = 6;
        windowShape[1] = 3;
        System.arraycopy(stateShape, 0, windowShape, 2, stateShape.length);
        INDArray windows = RandomArrays.gaussian(9, DataType.DOUBLE, windowShape);
        LossAndGradient single = evaluate(network, parameters, windows, stateShape, DataType.FLOAT);
        LossAndGradient reference = evaluate(network, parameters.copy(DataType.DOUBLE), windows, stateShape,
                DataType.DOUBLE);
        assertTrue(reference.loss() > 0.01, "a non-trivial loss: " + reference.loss());
        LayerValuesTest.assertSameLossAndGradient(reference, single, 1e-4);
    }

    private static LossAndGradient evaluate(Network network, Parameters parameters, INDArray windows,
                                            long[] stateShape, DataType type) {
        try (Objective objective = LayerValuesTest.ENGINE.compile(TrainingProblem.builder().configuration(Tiny.supervised(2))
                .network(network, parameters).stateShape(stateShape).dataType(type).build())) {
            return objective.lossAndGradient(parameters, windows.castTo(type));
        }
    }
}
