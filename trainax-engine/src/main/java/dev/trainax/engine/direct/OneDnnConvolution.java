package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An NHWC convolution (input {@code (batch, height, width, in)}, kernel {@code [kH, kW, in, out]},
 * bias if any, strides and zero padding by its {@link ConvolutionGeometry}) through oneDNN's
 * forward primitive, made once per set of arrays: ND4J's {@code conv2d} runs the same primitive but describes the arrays, looks the
 * primitive up and reorders the kernel anew on every call (2.9-3.1 against 2.6-2.7 ms for a 2D
 * ConvNet layer, 8 images 84x84, 16 to 16 channels, 3x3). With {@code relu} the primitive applies
 * ReLU to its result as it writes it (a post-op), sparing the activation's own pass over memory.
 */
final class OneDnnConvolution extends OneDnnCall {

    private OneDnnConvolution(ConvolutionGeometry geometry, INDArray input, INDArray kernel, INDArray bias,
                              INDArray output, boolean relu) {
        memory.desc source = nhwc(input);
        memory.desc destination = nhwc(output);
        memory.desc biasLayout = bias(bias);
        primitive_attr attributes = hold(new primitive_attr());
        if (relu) {
            attributes.set_post_ops(relu(this));
        }
        convolution_forward.primitive_desc plan = plan(this, geometry, source, kernel(kernel, memory.format_tag.any),
                biasLayout, destination, attributes);
        memory blockedKernel = scratch(plan.weights_desc());
        memory kernelMemory = on(kernel(kernel, memory.format_tag.hwio), kernel);
        add(new reorder(kernelMemory, blockedKernel), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, kernelMemory,
                blockedKernel);
        add(new convolution_forward(plan), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                on(source, input), blockedKernel, bias == null ? null : on(biasLayout, bias), on(destination, output));
    }

    /** ReLU as a post-op, held by {@code call}: applied to a primitive's result as it is written. */
    static post_ops relu(OneDnnCall call) {
        post_ops activation = call.hold(new post_ops());
        activation.append_eltwise(1f, algorithm.eltwise_relu, 0f, 0f);
        return activation;
    }

    /**
     * The call for these arrays ({@code bias} null without one), ReLU applied to the result if
     * {@code relu}, or null as {@link OneDnnCall#fits} says.
     */
    static OneDnnConvolution of(ConvolutionGeometry geometry, INDArray input, INDArray kernel, INDArray bias,
                                INDArray output, boolean relu) {
        return fits(input, kernel, bias, output)
                ? unlessReference(new OneDnnConvolution(geometry, input, kernel, bias, output, relu)) : null;
    }

    /**
     * The forward primitive's plan for a training step with the kernel in oneDNN's choice of
     * layout ({@code kernel} tagged any) and {@code attributes} (post-ops), held by {@code call};
     * the backward plans pair with it.
     */
    static convolution_forward.primitive_desc plan(OneDnnCall call, ConvolutionGeometry geometry, memory.desc source,
                                                   memory.desc kernel, memory.desc bias, memory.desc destination,
                                                   primitive_attr attributes) {
        return call.plan(new convolution_forward.primitive_desc(call.hold(new convolution_forward.desc(
                prop_kind.forward_training, algorithm.convolution_direct, source, kernel, bias, destination,
                geometry.strides(), geometry.padding(), geometry.padding())), attributes, call.cpu));
    }
}
