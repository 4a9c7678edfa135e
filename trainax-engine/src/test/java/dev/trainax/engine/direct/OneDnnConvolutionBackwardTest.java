package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.testkit.RandomArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * oneDNN runs the float32 backward pass of {@link ConvolutionBackward} on this platform (Linux
 * x86-64, ND4J's CPU backend), and its gradients equal the float64 tap products' (an independent
 * computation: matrix products and a forward convolution, in double precision).
 */
class OneDnnConvolutionBackwardTest {

    @Test
    void runsOnThisPlatform() {
        assertNotNull(OneDnn.engine(), "oneDNN's native build loads with the cpu profile on Linux x86-64");
    }

    @ParameterizedTest(name = "{0}x{1} kernel, {2} images {3}x{4}, {5}->{6} channels, bias {7}, input gradient {8}")
    @CsvSource({"3, 3, 2, 12, 10, 4, 5, true, true", "3, 3, 3, 9, 11, 16, 16, true, false",
            "3, 3, 2, 14, 14, 1, 16, true, true", "3, 3, 2, 14, 14, 16, 1, false, true",
            "3, 1, 1, 40, 6, 3, 8, true, true", "5, 1, 1, 33, 4, 8, 1, false, false",
            // input gradients as forward convolutions with the flipped kernel (channels in multiples of 16)
            "3, 3, 2, 12, 10, 16, 16, true, true", "3, 2, 2, 11, 9, 16, 32, false, true",
            // to one channel from sixteen: depthwise convolutions and sums (OneDnnProjectionBackward)
            "3, 3, 2, 13, 10, 16, 1, true, true", "3, 2, 1, 9, 12, 16, 1, true, false"})
    void givesTheGradientsOfTheFloat64TapProducts(int kernelHeight, int kernelWidth, long images, long height,
                                                  long width, int in, int out, boolean bias, boolean inputGradient) {
        long seed = kernelHeight * 1000L + height * 10L + in + out;
        INDArray input = RandomArrays.gaussian(seed, DataType.DOUBLE, images, height, width, in);
        INDArray kernel = RandomArrays.gaussian(seed + 1, DataType.DOUBLE, kernelHeight, kernelWidth, in, out);
        INDArray biasValues = RandomArrays.gaussian(seed + 2, DataType.DOUBLE, out);
        INDArray gradient = RandomArrays.gaussian(seed + 3, DataType.DOUBLE, images, height - kernelHeight + 1,
                width - kernelWidth + 1, out);
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(kernelHeight, kernelWidth));
        boolean[] read = bias ? new boolean[] {inputGradient, true, true} : new boolean[] {inputGradient, true};

        INDArray[] expected = run(backward, arguments(bias, input, kernel, biasValues, gradient), read);
        INDArray[] float32 = arguments(bias, input, kernel, biasValues, gradient);
        for (int i = 0; i < float32.length; i++) {
            float32[i] = float32[i].castTo(DataType.FLOAT);
        }
        INDArray[] actual = outputs(float32, bias);
        List<PlannedCall> calls = backward.calls(float32, actual, read);
        assertEquals(1, calls.size());
        assertEquals(in == 16 && out == 1 ? OneDnnProjectionBackward.class : OneDnnConvolutionBackward.class,
                calls.get(0).getClass());
        for (int round = 0; round < 2; round++) {   // a second run overwrites, it does not accumulate
            calls.get(0).run();
        }
        calls.get(0).close();
        for (int i = inputGradient ? 0 : 1; i < expected.length; i++) {
            INDArray difference = expected[i].sub(actual[i].castTo(DataType.DOUBLE));
            assertEquals(0, difference.norm2Number().doubleValue() / expected[i].norm2Number().doubleValue(), 2e-6,
                    "output " + i);
        }
        if (!inputGradient) {
            assertEquals(0, actual[0].norm2Number().doubleValue(), "an input gradient nobody reads is not computed");
        }
    }

    @ParameterizedTest(name = "stride {0}, padding {1}, {2}->{3} channels, input gradient {4}")
    @CsvSource({"2, 0, 4, 6, true", "1, 1, 5, 3, true", "2, 1, 16, 8, true", "1, 1, 1, 16, false",
            "1, 1, 16, 16, true", "1, 2, 16, 32, true"})
    void givesND4JsFloat64GradientsForStridesAndPadding(int stride, int padding, int in, int out,
                                                        boolean inputGradient) {
        long images = 2;
        long size = 12;
        long outSize = (size + 2L * padding - 3) / stride + 1;
        long seed = stride * 100L + padding * 10L + in + out;
        INDArray input = RandomArrays.gaussian(seed, DataType.DOUBLE, images, size, size, in);
        INDArray kernel = RandomArrays.gaussian(seed + 1, DataType.DOUBLE, 3, 3, in, out);
        INDArray bias = RandomArrays.gaussian(seed + 2, DataType.DOUBLE, out);
        INDArray gradient = RandomArrays.gaussian(seed + 3, DataType.DOUBLE, images, outSize, outSize, out);
        int[] integerArguments = {3, 3, stride, stride, padding, padding, 1, 1, 0, 1, 0};
        INDArray[] arguments = {input, kernel, bias, gradient};
        INDArray[] expected = {input.like(), kernel.like(), bias.like()};
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(integerArguments).build());

        INDArray[] float32 = new INDArray[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            float32[i] = arguments[i].castTo(DataType.FLOAT);
        }
        INDArray[] actual = outputs(float32, true);
        long[] longArguments = java.util.Arrays.stream(integerArguments).asLongStream().toArray();
        OneDnnConvolutionBackward backward = OneDnnConvolutionBackward.of(ConvolutionGeometry.of(longArguments),
                float32[0], float32[1], float32[3], inputGradient ? actual[0] : null, actual[1], actual[2]);
        assertNotNull(backward);
        backward.run();
        backward.close();
        for (int i = inputGradient ? 0 : 1; i < expected.length; i++) {
            assertEquals(0, expected[i].sub(actual[i].castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                    / expected[i].norm2Number().doubleValue(), 2e-6, "output " + i);
        }
    }

    @Test
    void leavesFloat64AndOffsetArraysToTheTapProducts() {
        INDArray input = RandomArrays.gaussian(1, DataType.DOUBLE, 2, 8, 8, 3);
        INDArray kernel = RandomArrays.gaussian(2, DataType.DOUBLE, 3, 3, 3, 4);
        INDArray gradient = RandomArrays.gaussian(3, DataType.DOUBLE, 2, 6, 6, 4);
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(3, 3));
        INDArray[] arguments = {input, kernel, gradient};
        List<PlannedCall> calls = backward.calls(arguments, outputs(arguments, false), new boolean[] {true, true});
        assertFalse(calls.stream().anyMatch(OneDnnConvolutionBackward.class::isInstance), "float64: ND4J ops");
        calls.forEach(PlannedCall::close);

        INDArray offsetInput = RandomArrays.gaussian(4, DataType.FLOAT, 3, 8, 8, 3)
                .get(NDArrayIndex.interval(1, 3), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        assertTrue(offsetInput.offset() > 0);
        assertNull(OneDnnConvolutionBackward.of(ConvolutionGeometry.of(new long[] {3, 3, 1, 1, 0, 0, 1, 1, 0, 1, 0}),
                offsetInput, kernel.castTo(DataType.FLOAT),
                gradient.castTo(DataType.FLOAT), null, Nd4j.create(DataType.FLOAT, 3, 3, 3, 4), null));
    }

    @Test
    void readsItsSwitchStrictly() {
        assertTrue(OneDnn.enabled("true"));
        assertTrue(OneDnn.enabled(" TRUE "));
        assertFalse(OneDnn.enabled("false"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OneDnn.enabled("off"));
        assertEquals("system property trainax.onednn is 'off'; allowed values: true, false", error.getMessage());
    }

    private static INDArray[] run(ConvolutionBackward backward, INDArray[] arguments, boolean[] read) {
        INDArray[] outputs = outputs(arguments, read.length == 3);
        List<PlannedCall> calls = backward.calls(arguments, outputs, read);
        calls.forEach(PlannedCall::run);
        calls.forEach(PlannedCall::close);
        return outputs;
    }

    private static INDArray[] arguments(boolean bias, INDArray input, INDArray kernel, INDArray biasValues,
                                        INDArray gradient) {
        return bias ? new INDArray[] {input, kernel, biasValues, gradient} : new INDArray[] {input, kernel, gradient};
    }

    private static INDArray[] outputs(INDArray[] arguments, boolean bias) {
        DataType type = arguments[0].dataType();
        INDArray inputGradient = Nd4j.create(type, arguments[0].shape());
        INDArray kernelGradient = Nd4j.create(type, arguments[1].shape());
        return bias ? new INDArray[] {inputGradient, kernelGradient, Nd4j.create(type, arguments[2].shape())}
                : new INDArray[] {inputGradient, kernelGradient};
    }

    private static Conv2DDerivative derivative(int kernelHeight, int kernelWidth) {
        Conv2DConfig config = Conv2DConfig.builder().kH(kernelHeight).kW(kernelWidth).sH(1).sW(1).pH(0).pW(0).dH(1)
                .dW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC").build();
        SameDiff graph = SameDiff.create();
        SDVariable[] inputs = {graph.placeHolder("x", DataType.FLOAT, 1, -1, -1, 3),
                graph.var("w", DataType.FLOAT, kernelHeight, kernelWidth, 3, 2), graph.var("b", DataType.FLOAT, 2),
                graph.placeHolder("g", DataType.FLOAT, 1, -1, -1, 2)};
        return new Conv2DDerivative(graph, inputs, config);
    }
}
