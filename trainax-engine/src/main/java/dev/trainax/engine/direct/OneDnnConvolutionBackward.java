package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward pass of an NHWC convolution (input {@code (batch, height, width, in)}, kernel
 * {@code [kH, kW, in, out]}, strides and zero padding by its {@link ConvolutionGeometry}) through
 * oneDNN's primitives on the arrays themselves: backward-weights for the kernel and bias gradients, backward-data for the input
 * gradient (when read). The kernel goes in, and its gradient comes out, in oneDNN's blocked
 * layout, the one its fast (JIT) implementations use, with a reorder of a few KB from or to the
 * kernel's layout: asked for that layout directly, oneDNN picks a matrix-product implementation
 * four times as slow. Reads the input and the output gradient once, in cache-sized blocks, where
 * the tap-wise matrix products of {@link ConvolutionBackward} read them once per tap: 2.7-3.1 ms
 * against 5.4-8.2 ms for the kernel gradient of a 2D ConvNet layer (8 images 84x84, 16 to 16
 * channels, 3x3).
 */
final class OneDnnConvolutionBackward extends OneDnnCall {

    private OneDnnConvolutionBackward(ConvolutionGeometry geometry, INDArray input, INDArray kernel,
                                      INDArray outputGradient, INDArray inputGradient, INDArray kernelGradient,
                                      INDArray biasGradient) {
        memory.desc source = nhwc(input);
        memory.desc destination = nhwc(outputGradient);
        memory.desc kernelLayout = kernel(kernel, memory.format_tag.hwio);
        memory.desc anyLayout = kernel(kernel, memory.format_tag.any);
        memory.desc bias = bias(biasGradient);
        convolution_forward.primitive_desc forward = OneDnnConvolution.plan(this, geometry, source, anyLayout, bias,
                destination, hold(new primitive_attr()));

        convolution_backward_weights.primitive_desc weightsPlan = plan(new convolution_backward_weights.primitive_desc(
                hold(new convolution_backward_weights.desc(algorithm.convolution_direct, source, anyLayout, bias,
                        destination, geometry.strides(), geometry.padding(), geometry.padding())), cpu,
                forward));
        memory blockedGradient = scratch(weightsPlan.diff_weights_desc());
        memory sourceMemory = on(source, input);
        memory gradientMemory = on(destination, outputGradient);
        add(new convolution_backward_weights(weightsPlan), new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST,
                DNNL_ARG_DIFF_WEIGHTS, DNNL_ARG_DIFF_BIAS}, sourceMemory, gradientMemory, blockedGradient,
                biasGradient == null ? null : on(bias, biasGradient));
        memory kernelGradientMemory = on(kernelLayout, kernelGradient);
        add(new reorder(blockedGradient, kernelGradientMemory), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO},
                blockedGradient, kernelGradientMemory);

        ConvolutionGeometry transposed = geometry.transposed();
        if (inputGradient != null && transposed != null && kernel.size(2) % VECTOR == 0
                && kernel.size(3) % VECTOR == 0) {
            addTransposedForward(transposed, kernel, destination, gradientMemory, inputGradient);
        } else if (inputGradient != null) {
            convolution_backward_data.primitive_desc dataPlan = plan(new convolution_backward_data.primitive_desc(
                    hold(new convolution_backward_data.desc(algorithm.convolution_direct, source, anyLayout,
                            destination, geometry.strides(), geometry.padding(), geometry.padding())),
                    cpu, forward));
            memory blockedKernel = scratch(dataPlan.weights_desc());
            memory kernelMemory = on(kernelLayout, kernel);
            add(new reorder(kernelMemory, blockedKernel), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, kernelMemory,
                    blockedKernel);
            add(new convolution_backward_data(dataPlan), new int[] {DNNL_ARG_DIFF_SRC, DNNL_ARG_DIFF_DST,
                    DNNL_ARG_WEIGHTS}, on(source, inputGradient), gradientMemory, blockedKernel);
        }
    }

    /**
     * The input gradient as the forward convolution ({@code transposed}) of the output gradient
     * ({@code gradientLayout}, {@code gradientMemory}) with the kernel flipped along both axes and
     * its in and out swapped, copied tap by tap: oneDNN's forward kernels ran it in 1.8 ms where its
     * backward-data took 2.3 (8 images 72x72, 16 to 16 channels, 3x3). Taken for channels in
     * multiples of {@link #VECTOR} only: for a projection to one channel that forward convolution
     * was slower than backward-data (1.9 against 0.2 ms).
     */
    private void addTransposedForward(ConvolutionGeometry transposed, INDArray kernel, memory.desc gradientLayout,
                                      memory gradientMemory, INDArray inputGradient) {
        long height = kernel.size(0);
        long width = kernel.size(1);
        long in = kernel.size(2);
        long out = kernel.size(3);
        long[] dimensions = {in, out, height, width};   // the transposed convolution's (out, in, kH, kW)
        memory.desc unflipped = hold(new memory.desc(dimensions, memory.data_type.f32,
                new long[] {out, 1, width * in * out, in * out}));
        memory.desc flipped = hold(new memory.desc(dimensions, memory.data_type.f32, memory.format_tag.oihw));
        memory flippedKernel = scratch(flipped);
        long[] tap = {in, out, 1, 1};
        for (long h = 0; h < height; h++) {
            for (long w = 0; w < width; w++) {
                memory from = on(hold(unflipped.submemory_desc(tap, new long[] {0, 0, h, w})), kernel);
                memory to = hold(new memory(hold(flipped.submemory_desc(tap,
                        new long[] {0, 0, height - 1 - h, width - 1 - w})), cpu, flippedKernel.get_data_handle()));
                add(new reorder(from, to), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, from, to);
            }
        }
        memory.desc inputLayout = nhwc(inputGradient);
        convolution_forward.primitive_desc plan = OneDnnConvolution.plan(this, transposed, gradientLayout,
                hold(new memory.desc(dimensions, memory.data_type.f32, memory.format_tag.any)), bias(null),
                inputLayout, hold(new primitive_attr()));
        memory blockedKernel = scratch(plan.weights_desc());
        add(new reorder(flippedKernel, blockedKernel), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, flippedKernel,
                blockedKernel);
        add(new convolution_forward(plan), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST}, gradientMemory,
                blockedKernel, on(inputLayout, inputGradient));
    }

    /**
     * The call for these arrays ({@code inputGradient} null when no later op reads it,
     * {@code biasGradient} null without a bias), or null where oneDNN does not run
     * ({@link OneDnn}) or the arrays are not dense float32 arrays of their own.
     */
    static OneDnnConvolutionBackward of(ConvolutionGeometry geometry, INDArray input, INDArray kernel,
                                        INDArray outputGradient, INDArray inputGradient, INDArray kernelGradient,
                                        INDArray biasGradient) {
        return fits(input, kernel, outputGradient, inputGradient, kernelGradient, biasGradient)
                ? unlessReference(new OneDnnConvolutionBackward(geometry, input, kernel, outputGradient,
                        inputGradient, kernelGradient, biasGradient)) : null;
    }
}
