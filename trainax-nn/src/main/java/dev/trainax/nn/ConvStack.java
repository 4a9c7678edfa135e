package dev.trainax.nn;

import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * What {@link ConvNet} and {@link ResNet} share: a lifting convolution from {@code channels} to
 * {@code width}, hidden {@code width → width} convolutions, and a projection back, all with bias,
 * one number of spatial axes, one kernel size, one activation, one padding and, in 1D, one
 * {@link ConvolutionPath}.
 */
record ConvStack(int spatialDims, int channels, int width, int kernelSize, Activation activation, Padding padding,
                 ConvolutionPath.Choice convolutionPath) {

    ConvStack {
        Conv.checkSpatialDims(spatialDims);
        Require.atLeast("channels", channels, 1);
        Require.atLeast("width", width, 1);
        Require.atLeast("kernelSize", kernelSize, 1);
        Require.present("activation", activation);
        Require.present("padding", padding);
        Require.present("convolutionPath", convolutionPath);
    }

    ConvStack(ConvStackShape shape, ConvStackLayers layers) {
        this(shape.spatialDims(), shape.channels(), shape.width(), layers.kernelSize(), layers.activation(),
                layers.boundaryMode().padding(), layers.convolutionPath());
    }

    /**
     * Refuses a stack with {@code hidden} hidden convolutions whose parameters would not fit one
     * array; {@code depthName} and {@code depth} name the parameter that sets {@code hidden}.
     */
    void requireParameterCount(String depthName, int depth, long hidden) {
        long count = ParameterCount.plus(ParameterCount.convolution(spatialDims, channels, width, kernelSize, true),
                ParameterCount.convolution(spatialDims, width, channels, kernelSize, true));
        count = ParameterCount.plus(count, ParameterCount.times(hidden,
                ParameterCount.convolution(spatialDims, width, width, kernelSize, true)));
        ParameterCount.require("width, kernelSize, " + depthName, "spatialDims = " + spatialDims + ", channels = "
                + channels + ", width = " + width + ", kernelSize = " + kernelSize + ", " + depthName + " = " + depth,
                count);
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes, each of at
     * least {@code kernelSize / 2 + 1} points (the padding comes from the state itself).
     */
    void checkState(long[] stateShape) {
        StateRules.spatialAxes(spatialDims, stateShape, "");
        StateRules.channels("channels", channels, stateShape);
        StateRules.kernelFits(kernelSize, stateShape);
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

    /**
     * The convolutions of one application of the stack to {@code state}, which runs {@code convolutions}
     * of them in sequence ({@code chain}: one after the other, no skip connections); 1D stacks take
     * the path {@code convolutionPath} gives now.
     */
    Frame frame(StepContext context, SDVariable state, int convolutions, boolean chain) {
        return spatialDims == 1 && convolutionPath.path() == ConvolutionPath.MATRIX_PRODUCT
                ? new ChannelsFirstFrame(context, state) : new NativeFrame(context, state, convolutions, chain);
    }

    /**
     * After how many of a chain of {@code convolutions}, each widening the grid {@code space} by
     * {@code widening} points along every axis, a circular halo is renewed: halfway (rounded up)
     * where one halo for all of them would add more than a quarter to their arithmetic (on a
     * 64 x 64 grid eleven 3 x 3 convolutions compute 1.35 times the grid's points; renewed, 1.15)
     * and the second half's halo fits in the grid; else after all of them (never).
     */
    static int haloRenewal(long[] space, int convolutions, int widening) {
        int first = (convolutions + 1) / 2;
        long smallest = Arrays.stream(space).min().orElse(0);
        boolean fits = (long) (convolutions - first) * widening <= smallest;
        return fits && haloWork(space, convolutions, widening) > 1.25 ? first : convolutions;
    }

    /** The points {@code convolutions} compute on a halo for all of them, per point of the grid {@code space}. */
    static double haloWork(long[] space, int convolutions, int widening) {
        double total = 0;
        for (int remaining = 0; remaining < convolutions; remaining++) {
            double points = 1;
            for (long size : space) {
                points *= (double) (size + (long) remaining * widening) / size;
            }
            total += points;
        }
        return total / convolutions;
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

        /** {@code skip + branch}, where {@code branch} is {@code skip} after {@code convolutions} more convolutions. */
        SDVariable residual(SDVariable skip, SDVariable branch, int convolutions) {
            return skip.add(branch);
        }

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

    /**
     * ND4J's convolution ops with the bias inside them: 1D as {@code conv2d} on
     * {@code (1, points, batch, channels)} with kernels of unit width (the batch as the second
     * image axis: the layout oneDNN was fastest in), 2D as {@code conv2d} on NHWC
     * {@code (batch, height, width, channels)} (a tenth less time per 2D ConvNet step than NCHW:
     * oneDNN's forward and backward passes read and write channels-last arrays more cheaply), 3D
     * on {@code (batch, channels, *space)}.
     * Circular padding is applied once, to the input, wide enough for all convolutions, which then
     * need none (a periodic signal convolved is the periodic extension convolved, cropped): one
     * padding instead of one per layer and per backward pass. Where that halo would be a large part
     * of the grid, a chain renews it once, halfway ({@link #haloRenewal}): a 64 x 64 2D ConvNet
     * step took 69-74 instead of 76-77 ms. Zero padding with odd kernels is the op's own; other
     * padding is explicit.
     */
    private final class NativeFrame extends Frame {

        private final SDVariable input;
        /** Whether the circular padding of all convolutions was applied to the input. */
        private final boolean halo;
        private final int before = (kernelSize - 1) / 2;
        private final int after = kernelSize - 1 - before;
        private final int convolutions;
        /** How many convolutions the input's halo serves; the rest get a halo of their own then. */
        private final int firstHalo;
        private int convolved;

        NativeFrame(StepContext context, SDVariable state, int convolutions, boolean chain) {
            super(context);
            SameDiff graph = context.graph();
            SDVariable x = spatialDims == 1 ? graph.expandDims(state.permute(2, 0, 1), 0)
                    : spatialDims == 2 ? state.permute(0, 2, 3, 1) : state;
            halo = padding == Padding.CIRCULAR;
            long[] space = context.stateShape();
            this.convolutions = convolutions;
            this.firstHalo = halo && chain
                    ? haloRenewal(Arrays.copyOfRange(space, 1, space.length), convolutions, kernelSize - 1)
                    : convolutions;
            this.input = halo ? alongSpace(x, (v, axis) -> Padding.wrap(graph, v, axis,
                    space[1 + axis - firstSpatialAxis()], firstHalo * before, firstHalo * after)) : x;
        }

        /** 1D works on {@code (1, points, batch, channels)}, 2D on {@code (batch, *space, channels)}, 3D on {@code (batch, channels, *space)}. */
        private int firstSpatialAxis() {
            return spatialDims <= 2 ? 1 : 2;
        }

        /** {@code x} after {@code change} along each spatial axis. */
        private SDVariable alongSpace(SDVariable x, BiFunction<SDVariable, Integer, SDVariable> change) {
            SDVariable result = x;
            for (int axis = firstSpatialAxis(); axis < firstSpatialAxis() + spatialDims; axis++) {
                result = change.apply(result, axis);
            }
            return result;
        }

        @Override
        SDVariable input() {
            return input;
        }

        @Override
        SDVariable output(SDVariable x) {
            return spatialDims == 1 ? context.graph().squeeze(x, 0).permute(1, 2, 0)
                    : spatialDims == 2 ? x.permute(0, 3, 1, 2) : x;
        }

        @Override
        SDVariable convolve(SDVariable x, String prefix, int inChannels, int outChannels) {
            SameDiff graph = context.graph();
            if (halo && convolved++ == firstHalo) {
                int rest = convolutions - firstHalo;   // strips of x: haloRenewal checked they fit
                x = alongSpace(x, (v, axis) -> padding.pad(graph, v, axis, rest * before, rest * after));
            }
            boolean zeroInOp = padding == Padding.ZERO && before == after;
            SDVariable padded = halo || zeroInOp ? x
                    : alongSpace(x, (v, axis) -> padding.pad(graph, v, axis, before, after));
            int p = zeroInOp ? before : 0;
            SDVariable bias = context.parameter(prefix + "bias");
            // [out, in, k, …] → [k, …, in, out]; in 1D [k, 1, in, out] (unit kernel width)
            SDVariable weight = context.parameter(prefix + "weight");
            SDVariable kernel = context.derived(prefix + "kernel.native", () -> spatialDims == 1
                    ? weight.permute(2, 1, 0).reshape(kernelSize, 1, inChannels, outChannels)
                    : weight.permute(Conv.kernelPermutation(spatialDims)));
            // 1D and 2D are both NHWC conv2d; 1D's image width is the batch, its kernel one tap wide
            int kernelWidth = spatialDims == 1 ? 1 : kernelSize;
            return spatialDims <= 2
                    ? graph.cnn().conv2d(padded, kernel, bias, Conv2DConfig.builder().kH(kernelSize).kW(kernelWidth)
                            .sH(1).sW(1).pH(p).pW(spatialDims == 1 ? 0 : p).dH(1).dW(1)
                            .paddingMode(PaddingMode.VALID).dataFormat("NHWC").build())
                    : Conv.valid(graph, padded, kernel, bias, spatialDims, kernelSize, p);
        }

        @Override
        SDVariable residual(SDVariable skip, SDVariable branch, int convolutions) {
            SDVariable cropped = halo ? alongSpace(skip, (v, axis) -> Padding.crop(v, axis, convolutions * before,
                    convolutions * after)) : skip;
            return cropped.add(branch);
        }
    }

    /** 1D convolutions as one matrix product each ({@link Conv#matrixProduct}) on {@code (channels, batch, points)}. */
    private final class ChannelsFirstFrame extends Frame {

        private final SDVariable state;

        ChannelsFirstFrame(StepContext context, SDVariable state) {
            super(context);
            this.state = state.permute(1, 0, 2);
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
            return Conv.matrixProduct(context, x, prefix, kernelSize, inChannels, outChannels, true, padding);
        }
    }

    @Override
    public String toString() {
        return spatialDims + "d, k=" + kernelSize + ", " + padding + ", " + activation;
    }
}
