package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
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
 * {@link ConvolutionBackward} gives ND4J's {@code conv2d_bp} results for NHWC convolutions, 1D
 * ones on {@code (1, points, batch, channels)} and 2D ones on {@code (images, height, width,
 * channels)}, and declines the arrays it does not handle.
 */
class ConvolutionBackwardTest {

    private static final long POINTS = 13;
    private static final long BATCH = 4;

    @ParameterizedTest(name = "{0}x{1} kernel, {2} images {3}x{4}, {5}->{6} channels, bias {7}, {8}, input gradient {9}")
    @CsvSource({"3, 1, 1, 13, 4, 5, 7, true, FLOAT, true", "3, 1, 1, 13, 4, 5, 7, true, DOUBLE, true",
            "2, 1, 1, 13, 4, 1, 6, true, FLOAT, true", "5, 1, 1, 13, 4, 6, 1, true, DOUBLE, true",
            "1, 1, 1, 13, 4, 4, 4, true, FLOAT, true", "3, 1, 1, 13, 4, 3, 2, false, DOUBLE, true",
            "3, 1, 2, 13, 4, 3, 2, true, DOUBLE, true", "3, 3, 3, 9, 11, 4, 5, true, DOUBLE, true",
            "3, 3, 3, 9, 11, 4, 5, true, FLOAT, true", "3, 3, 2, 7, 7, 1, 6, true, DOUBLE, true",
            "3, 3, 2, 7, 7, 6, 1, true, DOUBLE, true", "2, 3, 2, 6, 8, 2, 3, false, DOUBLE, true",
            "3, 3, 3, 9, 11, 4, 5, true, DOUBLE, false", "3, 1, 1, 13, 4, 5, 7, true, FLOAT, false"})
    void givesTheGradientsOfConv2dBp(int kernelHeight, int kernelWidth, long images, long height, long width, int in,
                                     int out, boolean bias, DataType type, boolean inputGradient) {
        long seed = kernelHeight * 1000L + kernelWidth * 100L + in * 10L + out;
        INDArray input = RandomArrays.gaussian(seed, type, images, height, width, in);
        INDArray kernel = RandomArrays.gaussian(seed + 1, type, kernelHeight, kernelWidth, in, out);
        INDArray biasValues = RandomArrays.gaussian(seed + 2, type, out);
        INDArray gradient = RandomArrays.gaussian(seed + 3, type, images, height - kernelHeight + 1,
                width - kernelWidth + 1, out);
        INDArray[] arguments = bias ? new INDArray[] {input, kernel, biasValues, gradient}
                : new INDArray[] {input, kernel, gradient};
        int[] integerArguments = {kernelHeight, kernelWidth, 1, 1, 0, 0, 1, 1, 0, 1, 0};

        INDArray[] expected = outputs(input, kernel, biasValues, bias);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(integerArguments).build());
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(Conv2DConfig.builder().kH(kernelHeight)
                .kW(kernelWidth).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1).paddingMode(PaddingMode.VALID)
                .dataFormat("NHWC").build(), type));
        assertNotNull(backward);
        INDArray[] actual = outputs(input, kernel, biasValues, bias);
        boolean[] read = {inputGradient, true, true};
        if (!bias) {
            read = new boolean[] {inputGradient, true};
        }
        PlannedOps plan = PlannedOps.run(null, backward, arguments, actual, read);
        assertNotNull(plan);
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        int first = inputGradient ? 0 : 1;
        for (int i = first; i < expected.length; i++) {
            assertEquals(0, expected[i].sub(actual[i]).norm2Number().doubleValue()
                    / expected[i].norm2Number().doubleValue(), tolerance, "output " + i);
        }
        if (!inputGradient) {
            assertEquals(0, actual[0].norm2Number().doubleValue(), "an input gradient nobody reads is not computed");
        }
        // the plan is reused while the arrays stay: a second run overwrites, it does not accumulate
        gradient.muli(-2);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(integerArguments).build());
        assertEquals(plan, PlannedOps.run(plan, backward, arguments, actual, read));
        for (int i = first; i < expected.length; i++) {
            assertEquals(0, expected[i].sub(actual[i]).norm2Number().doubleValue()
                    / expected[i].norm2Number().doubleValue(), tolerance, "second run, output " + i);
        }
        plan.close();
    }

    @Test
    void declinesAStridedInput() {
        INDArray input = RandomArrays.gaussian(2, DataType.FLOAT, 1, POINTS, BATCH, 6).get(NDArrayIndex.all(),
                NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        INDArray kernel = RandomArrays.gaussian(3, DataType.FLOAT, 3, 1, 3, 2);
        INDArray bias = RandomArrays.gaussian(4, DataType.FLOAT, 2);
        INDArray gradient = RandomArrays.gaussian(5, DataType.FLOAT, input.size(0), POINTS - 2, BATCH, 2);
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(3, DataType.FLOAT));
        assertNull(PlannedOps.run(null, backward, new INDArray[] {input, kernel, bias, gradient},
                new INDArray[] {Nd4j.create(DataType.FLOAT, input.shape()), Nd4j.create(DataType.FLOAT, 3, 1, 3, 2),
                        Nd4j.create(DataType.FLOAT, 2)}, new boolean[] {true, true, true}));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NCHW", "padded", "strided", "dilated"})
    void leavesOtherConvolutionsToOneDnnOrTheOp(String which) {
        Conv2DConfig.Conv2DConfigBuilder config = Conv2DConfig.builder().kH(3).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1)
                .dW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC");
        switch (which) {
            case "NCHW" -> config.dataFormat("NCHW");
            case "padded" -> config.pH(1);
            case "strided" -> config.sH(2);
            default -> config.dH(2);
        }
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(config.build(), DataType.FLOAT));
        if (which.equals("dilated") || which.equals("NCHW")) {
            assertNull(backward, "no replacement for dilations and NCHW");
            return;
        }
        // the tap products cover unpadded unit-stride convolutions only: these run on oneDNN (float32) or as the op
        INDArray input = RandomArrays.gaussian(1, DataType.DOUBLE, 1, 9, 4, 3);
        INDArray kernel = RandomArrays.gaussian(2, DataType.DOUBLE, 3, 1, 3, 2);
        INDArray gradient = RandomArrays.gaussian(3, DataType.DOUBLE, 1, 7, 4, 2);
        assertNull(backward.ops(new INDArray[] {input, kernel, gradient}, new INDArray[] {input.like(), kernel.like()},
                new boolean[] {true, true}));
    }

    private static INDArray[] outputs(INDArray input, INDArray kernel, INDArray bias, boolean withBias) {
        INDArray inputGradient = Nd4j.create(input.dataType(), input.shape());
        INDArray kernelGradient = Nd4j.create(kernel.dataType(), kernel.shape());
        return withBias ? new INDArray[] {inputGradient, kernelGradient, Nd4j.create(bias.dataType(), bias.shape())}
                : new INDArray[] {inputGradient, kernelGradient};
    }

    private static Conv2DDerivative derivative(int kernelSize, DataType type) {
        return derivative(Conv2DConfig.builder().kH(kernelSize).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").build(), type);
    }

    /** A {@code conv2d_bp} op as SameDiff's gradient of a convolution with {@code config} holds it. */
    private static Conv2DDerivative derivative(Conv2DConfig config, DataType type) {
        SameDiff graph = SameDiff.create();
        SDVariable[] inputs = {graph.placeHolder("x", type, 1, -1, -1, 3), graph.var("w", type, 3, 1, 3, 2),
                graph.var("b", type, 2), graph.placeHolder("g", type, 1, -1, -1, 2)};
        return new Conv2DDerivative(graph, inputs, config);
    }
}
