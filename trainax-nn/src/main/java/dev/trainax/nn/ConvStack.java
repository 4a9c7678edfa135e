package dev.trainax.nn;

import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link ConvNet} and {@link ResNet} share: a lifting convolution from {@code channels} to
 * {@code width}, hidden {@code width → width} convolutions, and a projection back, all with bias,
 * one number of spatial axes, one kernel size, one activation and one padding.
 */
record ConvStack(int spatialDims, int channels, int width, int kernelSize, Activation activation, Padding padding) {

    ConvStack {
        Conv.checkSpatialDims(spatialDims);
        Require.atLeast("channels", channels, 1);
        Require.atLeast("width", width, 1);
        Require.atLeast("kernelSize", kernelSize, 1);
        Require.present("activation", activation);
        Require.present("padding", padding);
    }

    void initialiseLift(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "lift.", spatialDims, channels, width, kernelSize, true);
    }

    void initialiseHidden(Map<String, INDArray> arrays, SplittableRandom random, String prefix) {
        Conv.initialise(arrays, random, prefix, spatialDims, width, width, kernelSize, true);
    }

    void initialiseProjection(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "project.", spatialDims, width, channels, kernelSize, true);
    }

    /** The convolutions of one application of the stack to {@code state}. */
    Frame frame(StepContext context, SDVariable state) {
        return spatialDims == 1 ? new ChannelsFirstFrame(context, state) : new NativeFrame(context, state);
    }

    /**
     * One application of the stack: the state in the frame's working layout, the convolutions
     * in it, and the result back in {@code (batch, channels, *space)}.
     */
    abstract class Frame {

        final StepContext context;

        Frame(StepContext context) {
            this.context = context;
        }

        /** The state in the working layout. */
        abstract SDVariable input();

        /** {@code x} from the working layout back to {@code (batch, channels, *space)}. */
        abstract SDVariable output(SDVariable x);

        /** One convolution {@code in → out} with parameters {@code <prefix>weight}, {@code <prefix>bias}. */
        abstract SDVariable convolve(SDVariable x, String prefix, int inChannels, int outChannels);

        /** The lifting convolution, without activation. */
        SDVariable lift(SDVariable x) {
            return convolve(x, "lift.", channels, width);
        }

        /** One hidden convolution with parameters {@code <prefix>weight}, {@code <prefix>bias}, without activation. */
        SDVariable hidden(SDVariable x, String prefix) {
            return convolve(x, prefix, width, width);
        }

        /** The projection back to {@code channels}. */
        SDVariable project(SDVariable x) {
            return convolve(x, "project.", width, channels);
        }

        /** The activation. */
        SDVariable activate(SDVariable x) {
            return activation.apply(context.graph(), x);
        }
    }

    /** ND4J's convolution ops on {@code (batch, channels, *space)} (2D and 3D). */
    private final class NativeFrame extends Frame {

        private final SDVariable state;

        NativeFrame(StepContext context, SDVariable state) {
            super(context);
            this.state = state;
        }

        @Override
        SDVariable input() {
            return state;
        }

        @Override
        SDVariable output(SDVariable x) {
            return x;
        }

        @Override
        SDVariable convolve(SDVariable x, String prefix, int inChannels, int outChannels) {
            return Conv.convolve(context, x, prefix, spatialDims, kernelSize, outChannels, true, padding);
        }
    }

    /**
     * 1D convolutions as one matrix product each, on {@code (channels, batch, points)}: the k
     * shifted copies of the input are stacked to {@code (k·in, batch·points)} and multiplied by the
     * weight as an {@code out × k·in} matrix. SameDiff differentiates this faster than its
     * {@code conv1d}, whose backward dominates a ConvNet step; the values are the same.
     */
    private final class ChannelsFirstFrame extends Frame {

        private final SDVariable state;
        /** {@code [batch, points]}, read from the graph because the batch is dynamic. */
        private final SDVariable batchAndPoints;
        private final Map<Integer, SDVariable> shapes = new HashMap<>();

        ChannelsFirstFrame(StepContext context, SDVariable state) {
            super(context);
            this.state = state.permute(1, 0, 2);
            this.batchAndPoints = this.state.shape().get(SDIndex.interval(1, 3));
        }

        @Override
        SDVariable input() {
            return state;
        }

        @Override
        SDVariable output(SDVariable x) {
            return x.permute(1, 0, 2);
        }

        @Override
        SDVariable convolve(SDVariable x, String prefix, int inChannels, int outChannels) {
            SameDiff graph = context.graph();
            SDVariable stacked = padding.sameWindows(graph, x, kernelSize);
            // weight [out, in, k] → [out, k·in], matching the tap-major order of the stack
            SDVariable matrix = context.derived(prefix + "weight.matrix", () -> context.parameter(prefix + "weight")
                    .permute(0, 2, 1).reshape(outChannels, -1));
            SDVariable bias = context.derived(prefix + "bias.column", () -> context.parameter(prefix + "bias")
                    .reshape(outChannels, 1));
            SDVariable y = matrix.mmul(stacked.reshape((long) kernelSize * inChannels, -1)).add(bias);
            return graph.reshape(y, shapes.computeIfAbsent(outChannels, out -> graph.concat(0,
                    graph.constant(Nd4j.createFromArray((long) out)), batchAndPoints)));
        }
    }

    @Override
    public String toString() {
        return spatialDims + "d, k=" + kernelSize + ", " + padding + ", " + activation;
    }
}
