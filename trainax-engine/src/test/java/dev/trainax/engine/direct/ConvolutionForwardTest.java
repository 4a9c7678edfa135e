package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link ConvolutionForward} runs float32 NHWC convolutions through oneDNN with ND4J's float64
 * {@code conv2d} results, and leaves other convolutions and float64 to the op.
 */
class ConvolutionForwardTest {

    @ParameterizedTest(name = "{0}x{1} kernel, {2} images {3}x{4}, {5}->{6} channels, bias {7}")
    @CsvSource({"3, 3, 2, 12, 10, 4, 5, true", "3, 3, 3, 9, 11, 16, 16, false", "3, 3, 2, 14, 14, 1, 16, true",
            "3, 3, 2, 14, 14, 16, 1, true", "3, 1, 1, 40, 6, 3, 8, true", "5, 1, 1, 33, 4, 8, 1, false"})
    void givesTheFloat64Convolution(int kernelHeight, int kernelWidth, long images, long height, long width, int in,
                                    int out, boolean bias) {
        long seed = kernelHeight * 1000L + height * 10L + in + out;
        INDArray input = RandomArrays.gaussian(seed, DataType.DOUBLE, images, height, width, in);
        INDArray kernel = RandomArrays.gaussian(seed + 1, DataType.DOUBLE, kernelHeight, kernelWidth, in, out);
        INDArray biasValues = RandomArrays.gaussian(seed + 2, DataType.DOUBLE, out);
        INDArray[] arguments = bias ? new INDArray[] {input, kernel, biasValues} : new INDArray[] {input, kernel};
        long[] outputShape = {images, height - kernelHeight + 1, width - kernelWidth + 1, out};
        INDArray expected = Nd4j.create(DataType.DOUBLE, outputShape);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(kernelHeight, kernelWidth, 1, 1, 0, 0, 1, 1, 0, 1, 0).build());

        INDArray[] float32 = new INDArray[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            float32[i] = arguments[i].castTo(DataType.FLOAT);
        }
        INDArray actual = Nd4j.create(DataType.FLOAT, outputShape);
        ConvolutionForward forward = ConvolutionForward.of(convolution(kernelHeight, kernelWidth, 0, "NHWC"));
        assertNotNull(forward);
        List<PlannedCall> calls = forward.calls(float32, new INDArray[] {actual}, new boolean[] {true});
        assertEquals(in == 16 && out == 1 ? OneDnnProjection.class : OneDnnConvolution.class, calls.get(0).getClass());
        calls.get(0).run();
        calls.get(0).close();
        assertEquals(0, expected.sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.norm2Number().doubleValue(), 2e-6);
    }

    @ParameterizedTest(name = "stride {0}, padding {1}")
    @CsvSource({"2, 1", "1, 1", "2, 0"})
    void givesND4JsFloat64ConvolutionForStridesAndPadding(int stride, int padding) {
        long size = 11;
        long outSize = (size + 2L * padding - 3) / stride + 1;
        INDArray input = RandomArrays.gaussian(stride + padding, DataType.DOUBLE, 2, size, size, 4);
        INDArray kernel = RandomArrays.gaussian(7, DataType.DOUBLE, 3, 3, 4, 6);
        INDArray bias = RandomArrays.gaussian(8, DataType.DOUBLE, 6);
        long[] outputShape = {2, outSize, outSize, 6};
        INDArray expected = Nd4j.create(DataType.DOUBLE, outputShape);
        long[] integerArguments = {3, 3, stride, stride, padding, padding, 1, 1, 0, 1, 0};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, kernel, bias).addOutputs(expected)
                .addIntegerArguments(java.util.Arrays.stream(integerArguments).mapToInt(Math::toIntExact).toArray())
                .build());
        INDArray actual = Nd4j.create(DataType.FLOAT, outputShape);
        OneDnnConvolution call = OneDnnConvolution.of(ConvolutionGeometry.of(integerArguments),
                input.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT), bias.castTo(DataType.FLOAT), actual, false);
        assertNotNull(call);
        call.run();
        call.close();
        assertEquals(0, expected.sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.norm2Number().doubleValue(), 2e-6);
    }

    @ParameterizedTest(name = "{0}->{1} channels")
    @CsvSource({"4, 5", "16, 1"})
    void withReluWritesTheRectifiedConvolution(int in, int out) {
        INDArray input = RandomArrays.gaussian(11, DataType.DOUBLE, 2, 10, 9, in);
        INDArray kernel = RandomArrays.gaussian(12, DataType.DOUBLE, 3, 3, in, out);
        INDArray bias = RandomArrays.gaussian(13, DataType.DOUBLE, out);
        INDArray convolved = Nd4j.create(DataType.DOUBLE, 2, 8, 7, out);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, kernel, bias).addOutputs(convolved)
                .addIntegerArguments(3, 3, 1, 1, 0, 0, 1, 1, 0, 1, 0).build());
        INDArray expected = Transforms.relu(convolved, true);
        INDArray actual = Nd4j.create(DataType.FLOAT, 2, 8, 7, out);
        List<PlannedCall> calls = ConvolutionForward.of(convolution(3, 3, 0, "NHWC")).withRelu().calls(
                new INDArray[] {input.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT), bias.castTo(DataType.FLOAT)},
                new INDArray[] {actual}, new boolean[] {true});
        calls.get(0).run();
        calls.get(0).close();
        assertEquals(0, expected.sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.norm2Number().doubleValue(), 2e-6);
        assertTrue(expected.minNumber().doubleValue() == 0 && convolved.minNumber().doubleValue() < 0,
                "some outputs were rectified");
    }

    @Test
    void leavesDilationsAndFloat64ToTheOp() {
        SameDiff graph = SameDiff.create();
        SDVariable[] inputs = {graph.placeHolder("x", DataType.FLOAT, 1, -1, -1, 3),
                graph.var("w", DataType.FLOAT, 3, 3, 3, 2), graph.var("b", DataType.FLOAT, 2)};
        assertNull(ConvolutionForward.of(new Conv2D(graph, inputs, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1)
                .pH(0).pW(0).dH(2).dW(2).paddingMode(PaddingMode.VALID).dataFormat("NHWC").build())), "dilated");
        assertNull(ConvolutionForward.of(convolution(3, 3, 0, "NCHW")), "NCHW");
        INDArray input = RandomArrays.gaussian(1, DataType.DOUBLE, 2, 8, 8, 3);
        INDArray kernel = RandomArrays.gaussian(2, DataType.DOUBLE, 3, 3, 3, 4);
        ConvolutionForward forward = ConvolutionForward.of(convolution(3, 3, 0, "NHWC"));
        assertNull(forward.calls(new INDArray[] {input, kernel}, new INDArray[] {Nd4j.create(DataType.DOUBLE,
                2, 6, 6, 4)}, new boolean[] {true}), "float64: the op runs");
        assertNull(forward.calls(new INDArray[] {input.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT)
                .reshape(1, 3, 3, 12)}, new INDArray[] {Nd4j.create(DataType.FLOAT, 2, 8, 6, 12)}, new boolean[] {true}),
                "a kernel of another size");
    }

    private static Conv2D convolution(int kernelHeight, int kernelWidth, int padding, String format) {
        Conv2DConfig config = Conv2DConfig.builder().kH(kernelHeight).kW(kernelWidth).sH(1).sW(1).pH(padding)
                .pW(padding).dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat(format).build();
        SameDiff graph = SameDiff.create();
        SDVariable[] inputs = {graph.placeHolder("x", DataType.FLOAT, 1, -1, -1, 3),
                graph.var("w", DataType.FLOAT, kernelHeight, kernelWidth, 3, 2), graph.var("b", DataType.FLOAT, 2)};
        return new Conv2D(graph, inputs, config);
    }
}
