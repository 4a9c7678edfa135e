package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An NHWC convolution to one output channel (a ConvNet's projection, kernel {@code [kH, kW, in, 1]})
 * as oneDNN's depthwise convolution (each input channel with its own taps) and a matrix product
 * with ones that sums the channels, adds the bias and, if asked, applies ReLU. oneDNN's direct
 * kernels compute sixteen output channels at a time, so one channel cost nearly as much as sixteen:
 * 1.7 ms forward for 8 images 66x66 from 16 channels. {@link OneDnnProjectionBackward} is its
 * backward pass.
 */
final class OneDnnProjection extends OneDnnCall {

    /** Ones that sum the channels; held so that its buffer lives as long as the call. */
    private final INDArray ones;

    private OneDnnProjection(ConvolutionGeometry geometry, INDArray input, INDArray kernel, INDArray bias,
                             INDArray output, boolean relu) {
        long in = kernel.size(2);
        long rows = output.length();
        memory.desc source = blocked(this, input);
        memory.desc channels = blocked(this, output);
        convolution_forward.primitive_desc plan = depthwise(this, geometry, source, kernel, channels);
        memory blockedKernel = scratch(plan.weights_desc());
        memory kernelMemory = on(depthwiseKernel(this, kernel), kernel);
        add(new reorder(kernelMemory, blockedKernel), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, kernelMemory,
                blockedKernel);
        memory perChannel = scratch(channels);
        add(new convolution_forward(plan), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
                on(source, input), blockedKernel, perChannel);

        ones = Nd4j.ones(DataType.FLOAT, in, 1);
        memory.desc products = matrix(rows, in);
        memory.desc sum = matrix(in, 1);
        memory.desc result = matrix(rows, 1);
        memory.desc biasLayout = matrix(1, 1);
        primitive_attr attributes = hold(new primitive_attr());
        if (relu) {
            attributes.set_post_ops(OneDnnConvolution.relu(this));
        }
        matmul.desc summing = hold(bias == null ? new matmul.desc(products, sum, result)
                : new matmul.desc(products, sum, biasLayout, result));
        matmul.primitive_desc sumPlan = plan(new matmul.primitive_desc(summing, attributes, cpu));
        add(new matmul(sumPlan), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                hold(new memory(products, cpu, perChannel.get_data_handle())), on(sum, ones),
                bias == null ? null : on(biasLayout, bias), on(result, output));
    }

    /**
     * The call for these arrays ({@code bias} null without one), ReLU applied if {@code relu}, or
     * null unless the kernel has one output channel and {@link #VECTOR} input channels
     * ({@link #applies}), and the arrays fit ({@link OneDnnCall#fits}).
     */
    static OneDnnProjection of(ConvolutionGeometry geometry, INDArray input, INDArray kernel, INDArray bias,
                               INDArray output, boolean relu) {
        return fits(input, kernel, bias, output) && applies(kernel)
                ? unlessReference(new OneDnnProjection(geometry, input, kernel, bias, output, relu)) : null;
    }

    /**
     * Whether {@code kernel} {@code [kH, kW, in, out]} projects to one channel from exactly
     * {@link #VECTOR}: only then is an NHWC array the same bytes as oneDNN's blocked nChw16c.
     */
    static boolean applies(INDArray kernel) {
        return kernel.size(3) == 1 && kernel.size(2) == VECTOR;
    }

    /**
     * Images of the batch and grid of {@code nhwc} with {@link #VECTOR} channels in oneDNN's
     * blocked layout nChw16c, the same bytes as NHWC: the input, or the per-channel results of a
     * projection into {@code nhwc}. oneDNN's depthwise backward passes have fast kernels for
     * blocked layouts only.
     */
    static memory.desc blocked(OneDnnCall call, INDArray nhwc) {
        return call.images(nhwc, VECTOR, memory.format_tag.nChw16c);
    }

    /**
     * The kernel {@code [kH, kW, in, 1]} as oneDNN's depthwise weights {@code (groups in, 1, 1, kH,
     * kW)}, in the array's own layout (strides).
     */
    static memory.desc depthwiseKernel(OneDnnCall call, INDArray kernel) {
        long width = kernel.size(1);
        long in = kernel.size(2);
        return call.hold(new memory.desc(new long[] {in, 1, 1, kernel.size(0), width}, memory.data_type.f32,
                new long[] {1, 1, 1, width * in, in}));
    }

    /** The depthwise forward plan from {@code source} to {@code channels}, the kernel in oneDNN's choice of layout. */
    static convolution_forward.primitive_desc depthwise(OneDnnCall call, ConvolutionGeometry geometry,
                                                       memory.desc source, INDArray kernel, memory.desc channels) {
        memory.desc anyLayout = call.hold(new memory.desc(new long[] {kernel.size(2), 1, 1, kernel.size(0),
                kernel.size(1)}, memory.data_type.f32, memory.format_tag.any));
        return OneDnnConvolution.plan(call, geometry, source, anyLayout, call.bias(null), channels,
                call.hold(new primitive_attr()));
    }
}
