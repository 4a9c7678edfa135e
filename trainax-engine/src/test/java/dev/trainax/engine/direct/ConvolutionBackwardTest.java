package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
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
 * {@link ConvolutionBackward} gives ND4J's {@code conv2d_bp} results for 1D convolutions on
 * {@code (1, points, batch, channels)}, and declines the arrays it does not handle.
 */
class ConvolutionBackwardTest {

    private static final long POINTS = 13;
    private static final long BATCH = 4;

    @ParameterizedTest(name = "k={0}, {1}->{2} channels, bias {3}, {4}")
    @CsvSource({"3, 5, 7, true, FLOAT", "3, 5, 7, true, DOUBLE", "2, 1, 6, true, FLOAT", "5, 6, 1, true, DOUBLE",
            "1, 4, 4, true, FLOAT", "3, 3, 2, false, DOUBLE"})
    void givesTheGradientsOfConv2dBp(int kernelSize, int in, int out, boolean bias, DataType type) {
        long seed = kernelSize * 100L + in * 10L + out;
        INDArray input = RandomArrays.gaussian(seed, type, 1, POINTS, BATCH, in);
        INDArray kernel = RandomArrays.gaussian(seed + 1, type, kernelSize, 1, in, out);
        INDArray biasValues = RandomArrays.gaussian(seed + 2, type, out);
        INDArray gradient = RandomArrays.gaussian(seed + 3, type, 1, POINTS - kernelSize + 1, BATCH, out);
        INDArray[] arguments = bias ? new INDArray[] {input, kernel, biasValues, gradient}
                : new INDArray[] {input, kernel, gradient};

        INDArray[] expected = outputs(input, kernel, biasValues, bias);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(kernelSize, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0).build());
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(kernelSize, type));
        assertNotNull(backward);
        INDArray[] actual = outputs(input, kernel, biasValues, bias);
        ConvolutionBackward.Plan plan = backward.run(null, arguments, actual);
        assertNotNull(plan);
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(0, expected[i].sub(actual[i]).norm2Number().doubleValue()
                    / expected[i].norm2Number().doubleValue(), tolerance, "output " + i);
        }
        // the plan is reused while the arrays stay: a second run overwrites, it does not accumulate
        gradient.muli(-2);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(arguments).addOutputs(expected)
                .addIntegerArguments(kernelSize, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0).build());
        assertEquals(plan, backward.run(plan, arguments, actual));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(0, expected[i].sub(actual[i]).norm2Number().doubleValue()
                    / expected[i].norm2Number().doubleValue(), tolerance, "second run, output " + i);
        }
        plan.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"several images", "a strided input"})
    void declinesArraysItDoesNotHandle(String which) {
        INDArray input = which.equals("several images") ? RandomArrays.gaussian(1, DataType.FLOAT, 2, POINTS, BATCH, 3)
                : RandomArrays.gaussian(2, DataType.FLOAT, 1, POINTS, BATCH, 6).get(NDArrayIndex.all(),
                        NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        INDArray kernel = RandomArrays.gaussian(3, DataType.FLOAT, 3, 1, 3, 2);
        INDArray bias = RandomArrays.gaussian(4, DataType.FLOAT, 2);
        INDArray gradient = RandomArrays.gaussian(5, DataType.FLOAT, input.size(0), POINTS - 2, BATCH, 2);
        ConvolutionBackward backward = ConvolutionBackward.of(derivative(3, DataType.FLOAT));
        assertNull(backward.run(null, new INDArray[] {input, kernel, bias, gradient},
                new INDArray[] {Nd4j.create(DataType.FLOAT, input.shape()), Nd4j.create(DataType.FLOAT, 3, 1, 3, 2),
                        Nd4j.create(DataType.FLOAT, 2)}));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NCHW", "padded", "strided"})
    void leavesOtherConvolutionsToTheOp(String which) {
        Conv2DConfig.Conv2DConfigBuilder config = Conv2DConfig.builder().kH(3).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1)
                .dW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC");
        switch (which) {
            case "NCHW" -> config.dataFormat("NCHW");
            case "padded" -> config.pH(1);
            default -> config.sH(2);
        }
        assertNull(ConvolutionBackward.of(derivative(config.build(), DataType.FLOAT)));
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
