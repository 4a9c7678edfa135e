package dev.trainax.engine.direct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The backward pass of an NHWC {@code conv2d} on {@code (batch, height, width, in)} with kernel
 * {@code [kH, kW, in, out]}, unit strides and dilations and no padding (the layout of 2D
 * ConvNets, and of 1D ones as {@code (1, points, batch, channels)} with {@code kW = 1}): what
 * {@code conv2d_bp} computes, as a forward convolution and matrix products. oneDNN runs
 * {@code conv2d_bp} in a blocked layout, so every call reorders the input, the output gradient
 * (twice) and the input gradient between layouts; its forward convolution works on the NHWC
 * arrays directly. Here:
 * <ul>
 *   <li>input gradient: the output gradient convolved with the kernel reversed along both tap
 *       axes and with in and out swapped, padded by {@code kH − 1}, {@code kW − 1} zeros (a "full"
 *       convolution); skipped when no later op reads it;
 *   <li>kernel gradient, tap {@code (i, j)}: with the input's and the output gradient's rows
 *       (pixels) in one sequence each, the output gradient zero-padded to the input's height and
 *       width, every output pixel's input pixel at tap {@code (i, j)} lies a fixed
 *       {@code i·width + j} rows further on: the input's rows from there, transposed, times the
 *       output gradient's rows (the padding rows are zero and add nothing);
 *   <li>bias gradient: a row of ones times the output gradient's rows.
 * </ul>
 * Gradients no later op reads are not computed (the input gradient of a network's first layer).
 * In float32, where oneDNN runs, its backward primitives compute all three instead
 * ({@link OneDnnConvolutionBackward}; to one channel from sixteen, {@link OneDnnProjectionBackward}),
 * also for strided and zero-padded NHWC convolutions; these
 * ops serve the unpadded unit-stride ones in float64 (oneDNN has no float64 convolutions) and
 * on machines without oneDNN. The same arithmetic up to the order of additions (float32 results
 * differ in the last bits).
 */
final class ConvolutionBackward implements Replacement {

    private final ConvolutionGeometry geometry;

    private ConvolutionBackward(ConvolutionGeometry geometry) {
        this.geometry = geometry;
    }

    /**
     * The replacement for {@code op}, or null if it is not a {@code conv2d_bp} without dilation
     * ({@link ConvolutionGeometry}); its ND4J ops cover unpadded unit-stride ones only, oneDNN all.
     */
    static ConvolutionBackward of(DifferentialFunction op) {
        if (!(op instanceof Conv2DDerivative convolution)) {
            return null;
        }
        ConvolutionGeometry geometry = ConvolutionGeometry.of(convolution.iArgs());
        return geometry == null ? null : new ConvolutionBackward(geometry);
    }

    /**
     * The ops of the backward pass of {@code arguments} (input, kernel, bias if any, output
     * gradient) into {@code outputs} (their gradients, those read); null for arrays it does not fit.
     */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (!geometry.unpadded() || !fits(arguments, outputs)) {
            return null;
        }
        List<DynamicCustomOp> ops = kernelGradientOps(arguments, outputs);
        ops.addAll(inputGradientOps(arguments, outputs, outputsRead));
        return ops;
    }

    /**
     * The calls of the backward pass: oneDNN's primitives where it runs and the arrays are float32
     * ({@link OneDnnConvolutionBackward}), else {@link #ops}.
     */
    @Override
    public List<PlannedCall> calls(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (!fits(arguments, outputs)) {
            return null;
        }
        boolean bias = arguments.length == 4;
        INDArray inputGradient = outputsRead[0] ? outputs[0] : null;
        INDArray biasGradient = bias ? outputs[2] : null;
        PlannedCall backward = OneDnnProjectionBackward.of(geometry, arguments[0], arguments[1],
                arguments[bias ? 3 : 2], inputGradient, outputs[1], biasGradient);
        if (backward == null) {
            backward = OneDnnConvolutionBackward.of(geometry, arguments[0], arguments[1], arguments[bias ? 3 : 2],
                    inputGradient, outputs[1], biasGradient);
        }
        return backward == null ? Replacement.super.calls(arguments, outputs, outputsRead) : List.of(backward);
    }

    /** Whether the arrays are dense and of this convolution's rank and kernel size. */
    private boolean fits(INDArray[] arguments, INDArray[] outputs) {
        return Stream.concat(Arrays.stream(arguments), Arrays.stream(outputs)).allMatch(DirectExecutor::viewable)
                && arguments[0].rank() == 4 && geometry.fitsKernel(arguments[1]);
    }

    /** The kernel gradient's tap products and the bias gradient's product (see the class comment). */
    private List<DynamicCustomOp> kernelGradientOps(INDArray[] arguments, INDArray[] outputs) {
        boolean bias = arguments.length == 4;
        INDArray input = arguments[0];
        INDArray outputGradient = arguments[bias ? 3 : 2];
        long images = input.size(0);
        long height = input.size(1);
        long width = input.size(2);
        long in = input.size(3);
        long out = outputGradient.size(3);
        long outHeight = outputGradient.size(1);
        long outWidth = outputGradient.size(2);
        List<DynamicCustomOp> ops = new ArrayList<>();
        // the output gradient on the input's grid, zero beyond its own (one "pad" op): unless it is that
        // already (one image, one tap wide: only the rows the taps read are used, and they are its own)
        boolean padded = images > 1 || outWidth != width;
        INDArray grid = outputGradient;
        if (padded) {
            grid = Nd4j.create(outputGradient.dataType(), images, height, width, out);
            INDArray paddings = Nd4j.createFromArray(new long[][] {{0, 0}, {0, height - outHeight},
                    {0, width - outWidth}, {0, 0}});
            ops.add(DynamicCustomOp.builder("pad").addInputs(outputGradient, paddings).addOutputs(grid)
                    .addIntegerArguments(0).addFloatingPointArguments(0.0).build());
        }
        long rows = (images - 1) * height * width + (outHeight - 1) * width + outWidth;
        INDArray inputRows = input.reshape(images * height * width, in);
        INDArray gradientRows = grid.reshape(grid.length() / out, out).get(NDArrayIndex.interval(0, rows),
                NDArrayIndex.all());
        INDArray kernelGradient = outputs[1];
        for (int i = 0; i < geometry.kernelHeight(); i++) {
            for (int j = 0; j < geometry.kernelWidth(); j++) {
                long shift = i * width + j;
                INDArray window = inputRows.get(NDArrayIndex.interval(shift, shift + rows), NDArrayIndex.all());
                INDArray tapGradient = kernelGradient.get(NDArrayIndex.point(i), NDArrayIndex.point(j),
                        NDArrayIndex.all(), NDArrayIndex.all());
                ops.add(DynamicCustomOp.builder("matmul").addInputs(window, gradientRows).addOutputs(tapGradient)
                        .addIntegerArguments(1, 0, 0).build());
            }
        }
        if (bias) {
            INDArray ones = Nd4j.ones(input.dataType(), 1, rows);
            ops.add(DynamicCustomOp.builder("matmul").addInputs(ones, gradientRows)
                    .addOutputs(outputs[2].reshape(1, out)).build());
        }
        return ops;
    }

    /** The input gradient's ops, none when no later op reads it: a full convolution with the reversed kernel. */
    private List<DynamicCustomOp> inputGradientOps(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (!outputsRead[0]) {
            return List.of();
        }
        INDArray kernel = arguments[1];
        INDArray outputGradient = arguments[arguments.length - 1];
        INDArray reversed = Nd4j.create(kernel.dataType(), kernel.shape());
        // reversed [kH, kW, in, out] seen as [in, kH, kW, out]: conv2d's weight format 2, [oC, kH, kW, iC]
        return List.of(reverseTaps(kernel, reversed), DynamicCustomOp.builder("conv2d")
                .addInputs(outputGradient, reversed.permute(2, 0, 1, 3)).addOutputs(outputs[0])
                .addIntegerArguments(geometry.kernelHeight(), geometry.kernelWidth(), 1, 1, geometry.kernelHeight() - 1,
                        geometry.kernelWidth() - 1, 1, 1, 0, 1, 2)
                .build());
    }

    /**
     * The op that writes the kernel's taps into {@code reversed} in reverse order along both tap
     * axes, which is the reverse of their row-major sequence: one {@code concat} of the taps
     * ("reverse" took 0.65 ms a call for 3,072 floats).
     */
    private DynamicCustomOp reverseTaps(INDArray kernel, INDArray reversed) {
        int taps = geometry.kernelHeight() * geometry.kernelWidth();
        INDArray sequence = kernel.reshape(taps, kernel.size(2), kernel.size(3));
        INDArray[] reversedTaps = new INDArray[taps];
        for (int tap = 0; tap < taps; tap++) {
            reversedTaps[tap] = sequence.get(NDArrayIndex.interval(taps - 1 - tap, taps - tap), NDArrayIndex.all(),
                    NDArrayIndex.all());
        }
        return DynamicCustomOp.builder("concat").addInputs(reversedTaps).addOutputs(reversed.reshape(sequence.shape()))
                .addIntegerArguments(0).build();
    }
}
