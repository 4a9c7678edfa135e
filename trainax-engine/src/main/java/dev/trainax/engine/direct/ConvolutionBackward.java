package dev.trainax.engine.direct;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The backward pass of a 1D convolution laid out as ND4J's {@code conv2d} on
 * {@code (1, points, batch, channels)} (NHWC, kernel {@code [k, 1, in, out]}, unit strides and
 * dilations, no padding): what {@code conv2d_bp} computes, as a forward convolution and matrix
 * products. oneDNN runs {@code conv2d_bp} in a blocked layout, so every call reorders the input,
 * the output gradient (twice) and the input gradient between layouts, and builds three primitive
 * descriptors; its forward convolution works on the NHWC arrays directly. Here:
 * <ul>
 *   <li>input gradient: the output gradient convolved with the kernel reversed along its taps and
 *       with in and out swapped, padded by {@code k - 1} points on each side (a "full" convolution);
 *   <li>kernel gradient, tap {@code j}: the input's rows {@code j·batch} to {@code (j + outPoints)·batch}
 *       (rows are (point, batch) pairs), transposed, times the output gradient;
 *   <li>bias gradient: a row of ones times the output gradient.
 * </ul>
 * The same arithmetic up to the order of additions (float32 results differ in the last bits).
 */
final class ConvolutionBackward {

    private final int kernelSize;

    private ConvolutionBackward(int kernelSize) {
        this.kernelSize = kernelSize;
    }

    /** The replacement for {@code op}, or null if it is not a {@code conv2d_bp} of that layout. */
    static ConvolutionBackward of(DifferentialFunction op) {
        if (!(op instanceof Conv2DDerivative convolution)) {
            return null;
        }
        long[] a = convolution.iArgs();
        boolean oneDimensionalNhwc = a.length >= 10 && a[0] > 0 && a[1] == 1 && a[2] == 1 && a[3] == 1
                && a[4] == 0 && a[5] == 0 && a[6] == 1 && a[7] == 1 && a[8] == 0 && a[9] == 1
                && (a.length < 11 || a[10] == 0);
        return oneDimensionalNhwc ? new ConvolutionBackward((int) a[0]) : null;
    }

    /** The ops of one backward pass, bound to one set of arrays. */
    static final class Plan implements AutoCloseable {
        private final INDArray[] arrays;
        private final DynamicCustomOp[] ops;
        /** One context per op with its arrays set: cheaper calls than ops that carry their arrays. */
        private final OpContext[] contexts;

        private Plan(INDArray[] arrays, DynamicCustomOp[] ops) {
            this.arrays = arrays;
            this.ops = ops;
            this.contexts = new OpContext[ops.length];
            for (int i = 0; i < ops.length; i++) {
                contexts[i] = Nd4j.getExecutioner().buildContext();
                contexts[i].setArgs(ops[i].inputArguments().toArray(new INDArray[0]), ops[i].iArgs(), ops[i].dArgs(),
                        ops[i].tArgs(), ops[i].bArgs());
                List<INDArray> outputs = ops[i].outputArguments();
                for (int o = 0; o < outputs.size(); o++) {
                    contexts[i].setOutputArray(o, outputs.get(o));
                }
            }
        }

        @Override
        public void close() {
            for (OpContext context : contexts) {
                DirectExecutor.release(context);
            }
        }
    }

    /**
     * Runs the backward pass of {@code arguments} (input, kernel, bias if any, output gradient)
     * into {@code outputs} (their gradients) and returns the plan used, to pass back next time;
     * null if these arrays do not fit (a batch of several images, non-contiguous arrays): then the
     * caller runs {@code conv2d_bp} itself.
     */
    Plan run(Plan previous, INDArray[] arguments, INDArray[] outputs) {
        INDArray[] arrays = new INDArray[arguments.length + outputs.length];
        System.arraycopy(arguments, 0, arrays, 0, arguments.length);
        System.arraycopy(outputs, 0, arrays, arguments.length, outputs.length);
        Plan plan = previous;
        if (plan == null || !DirectExecutor.sameArrays(plan.arrays, arrays)) {
            if (plan != null) {
                plan.close();
            }
            plan = plan(arrays, arguments, outputs);
        }
        if (plan != null) {
            for (int i = 0; i < plan.ops.length; i++) {
                Nd4j.exec(plan.ops[i], plan.contexts[i]);
            }
        }
        return plan;
    }

    private Plan plan(INDArray[] arrays, INDArray[] arguments, INDArray[] outputs) {
        boolean bias = arguments.length == 4;
        INDArray input = arguments[0];
        INDArray kernel = arguments[1];
        INDArray outputGradient = arguments[bias ? 3 : 2];
        INDArray inputGradient = outputs[0];
        INDArray kernelGradient = outputs[1];
        for (INDArray array : arrays) {
            if (!DirectExecutor.viewable(array)) {
                return null;
            }
        }
        if (input.rank() != 4 || input.size(0) != 1 || kernel.size(0) != kernelSize) {
            return null;
        }
        long points = input.size(1);
        long batch = input.size(2);
        long in = input.size(3);
        long out = outputGradient.size(3);
        long outPoints = outputGradient.size(1);
        DynamicCustomOp[] ops = new DynamicCustomOp[2 + kernelSize + (bias ? 1 : 0)];
        // the taps in reverse order, joined by one concat ("reverse" took 0.65 ms a call for 3,072 floats)
        INDArray[] taps = new INDArray[kernelSize];
        for (int tap = 0; tap < kernelSize; tap++) {
            taps[tap] = kernel.get(NDArrayIndex.interval(kernelSize - 1 - tap, kernelSize - tap));
        }
        INDArray reversed = Nd4j.create(kernel.dataType(), kernel.shape());
        ops[0] = DynamicCustomOp.builder("concat").addInputs(taps).addOutputs(reversed).addIntegerArguments(0).build();
        // reversed [k, 1, in, out] seen as [in, k, 1, out]: conv2d's weight format 2, [oC, kH, kW, iC]
        ops[1] = DynamicCustomOp.builder("conv2d").addInputs(outputGradient, reversed.permute(2, 0, 1, 3))
                .addOutputs(inputGradient)
                .addIntegerArguments(kernelSize, 1, 1, 1, kernelSize - 1, 0, 1, 1, 0, 1, 2).build();
        INDArray inputRows = input.reshape(points * batch, in);
        INDArray gradientRows = outputGradient.reshape(outPoints * batch, out);
        for (int tap = 0; tap < kernelSize; tap++) {
            INDArray window = inputRows.get(NDArrayIndex.interval(tap * batch, (tap + outPoints) * batch),
                    NDArrayIndex.all());
            INDArray tapGradient = kernelGradient.get(NDArrayIndex.point(tap), NDArrayIndex.point(0),
                    NDArrayIndex.all(), NDArrayIndex.all());
            ops[2 + tap] = DynamicCustomOp.builder("matmul").addInputs(window, gradientRows).addOutputs(tapGradient)
                    .addIntegerArguments(1, 0, 0).build();
        }
        if (bias) {
            INDArray ones = Nd4j.ones(input.dataType(), 1, outPoints * batch);
            ops[ops.length - 1] = DynamicCustomOp.builder("matmul").addInputs(ones, gradientRows)
                    .addOutputs(outputs[2].reshape(1, out)).build();
        }
        return new Plan(arrays, ops);
    }
}
