package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * pdequinox's {@code DilatedResNet} on states {@code (batch, channels, *space)} with 1 to 3
 * spatial axes: a lifting 1×1 convolution {@code channels → width}, {@code blocks} dilated residual
 * blocks and a projecting 1×1 convolution {@code width → channels}, both linear. A block runs, for
 * each dilation rate {@code d} in {@code dilations} (by default {@code 1, 2, 4, 8, 4, 2, 1}),
 * {@code x ← σ(conv_d(norm(x)))}, and adds the block's input to the result; {@code norm} is a
 * group norm with one group (over channels and space of each sample, ε = 10⁻⁵, a scale and a shift
 * per channel; the identity without {@code norm}), {@code conv_d} a {@code width → width}
 * convolution with bias whose {@code kernelSize} taps lie {@code d} points apart, padded by
 * {@code ⌊(k − 1)/2⌋·d} points before and {@code ⌈(k − 1)/2⌉·d} after with {@code padding}
 * (pdequinox's "same"; {@link SpatialConvolution}). Parameters
 * {@code lift.*}, {@code block<i>.norm<j>.{weight,bias}}, {@code block<i>.conv<j>.{weight,bias}},
 * {@code project.*}.
 *
 * <p>Parameter count, with {@code C} channels, {@code H} width, {@code B} blocks, {@code R}
 * dilation rates, kernel size {@code k} and {@code D} spatial axes:
 * {@code (C·H + H) + B·R·(H²·k^D + H + 2H·[norm]) + (H·C + C)}. pdequinox's defaults in 1D with one
 * channel ({@code C = 1, H = 32, B = 2, R = 7, k = 3}, norm) give
 * {@code 64 + 14·(3072 + 32 + 64) + 33 = 44 449}; in 2D {@code 64 + 14·(9216 + 96) + 33 = 130 465}.
 */
public final class DilatedResNet implements Network {

    /** pdequinox's dilation rates of one block. */
    static final int[] DEFAULT_DILATIONS = {1, 2, 4, 8, 4, 2, 1};

    private final int spatialDims;
    private final int channels;
    private final int width;
    private final int blocks;
    private final int kernelSize;
    private final int[] dilations;
    private final Activation activation;
    private final Padding padding;
    private final boolean norm;
    private final LiftedStack stack;

    /**
     * The parameters of the {@code dilated-resnet} plugin.
     *
     * @param shape      spatial axes, state channels and hidden channels
     * @param blocks     dilated residual blocks
     * @param kernelSize kernel width of every dilated convolution
     * @param dilations  the dilation rates of one block; pdequinox's {@code 1, 2, 4, 8, 4, 2, 1} if absent
     * @param activation σ after every dilated convolution
     * @param boundaryMode the boundary, the padding of every dilated convolution
     * @param norm       whether a group norm precedes every dilated convolution
     */
    public record Options(@ParamGroup ConvStackShape shape,
                          @Param(value = "dilated residual blocks", defaultValue = "2", min = 0) int blocks,
                          @Param(value = "kernel width", defaultValue = "3", min = 1) int kernelSize,
                          @Param(value = "dilation rates of one block, integers ≥ 1; 1, 2, 4, 8, 4, 2, 1 if absent",
                                  optional = true) double[] dilations,
                          @Param(value = "hidden activation", defaultValue = "relu") Activation activation,
                          @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic") BoundaryMode boundaryMode,
                          @Param(value = "group norm (one group) before every dilated convolution",
                                  defaultValue = "true") boolean norm) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, shape, blocks, kernelSize, dilations, activation, boundaryMode,
                    norm);
            dilations = dilations == null ? null : dilations.clone();
            rates(dilations);
        }

        /** The dilation rates as integers. */
        int[] rates() {
            return rates(dilations);
        }

        private static int[] rates(double[] dilations) {
            if (dilations == null) {
                return DEFAULT_DILATIONS.clone();
            }
            if (dilations.length == 0) {
                throw new IllegalArgumentException("dilations: must name at least one dilation rate, got []");
            }
            int[] rates = new int[dilations.length];
            for (int i = 0; i < dilations.length; i++) {
                double d = dilations[i];
                if (!(d >= 1) || d != Math.rint(d) || d > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("dilations: must be integers ≥ 1, got " + d + " at index " + i
                            + " of " + Arrays.toString(dilations));
                }
                rates[i] = (int) d;
            }
            return rates;
        }
    }

    /** The network {@code options} describe. */
    public DilatedResNet(Options options) {
        this(options.shape().spatialDims(), options.shape().channels(), options.shape().width(), options.blocks(),
                options.kernelSize(), options.rates(), options.activation(), options.boundaryMode().padding(),
                options.norm());
    }

    /**
     * @param spatialDims spatial axes of the state, 1 to 3
     * @param channels    state channels (input and output)
     * @param width       hidden channels
     * @param blocks      dilated residual blocks, ≥ 0
     * @param kernelSize  kernel width of every dilated convolution
     * @param dilations   the dilation rates of one block, each ≥ 1, at least one
     * @param activation  σ
     * @param padding     boundary handling of every dilated convolution
     * @param norm        whether a group norm precedes every dilated convolution
     */
    public DilatedResNet(int spatialDims, int channels, int width, int blocks, int kernelSize, int[] dilations,
                         Activation activation, Padding padding, boolean norm) {
        this.spatialDims = Conv.checkSpatialDims(spatialDims);
        this.channels = Require.atLeast("channels", channels, 1);
        this.width = Require.atLeast("width", width, 1);
        this.blocks = Require.atLeast("blocks", blocks, 0);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        Require.present("dilations", dilations);
        if (dilations.length == 0) {
            throw new IllegalArgumentException("dilations: must name at least one dilation rate, got []");
        }
        for (int d : dilations) {
            Require.atLeast("dilations", d, 1);
        }
        this.dilations = dilations.clone();
        this.activation = Require.present("activation", activation);
        this.padding = Require.present("padding", padding);
        this.norm = norm;
        this.stack = new LiftedStack(spatialDims, channels, width, kernelSize, padding, norm);
        ParameterCount.require("width, blocks, kernelSize, dilations", "spatialDims = " + spatialDims
                + ", channels = " + channels + ", width = " + width + ", blocks = " + blocks + ", kernelSize = "
                + kernelSize + ", " + dilations.length + " dilation rates", parameterCount(spatialDims, channels,
                width, blocks, kernelSize, dilations.length, norm));
    }

    /**
     * {@code (C·H + H) + B·R·(H²·k^D + H + 2H·[norm]) + (H·C + C)}, saturating at
     * {@link Long#MAX_VALUE}.
     */
    static long parameterCount(int spatialDims, long channels, long width, long blocks, long kernelSize, long rates,
                               boolean norm) {
        long layer = ParameterCount.convolution(spatialDims, width, width, kernelSize, true);
        if (norm) {
            layer = ParameterCount.plus(layer, ParameterCount.times(2, width));
        }
        long count = ParameterCount.plus(ParameterCount.dense(channels, width), ParameterCount.dense(width, channels));
        return ParameterCount.plus(count, ParameterCount.times(ParameterCount.times(blocks, rates), layer));
    }

    /** The points the widest dilated convolution reads beyond a side: {@code ⌈(k − 1)/2⌉·d} for the largest rate. */
    private long reach() {
        return SpatialConvolution.after(kernelSize, Arrays.stream(dilations).max().orElse(1));
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes, each of more
     * points than the widest dilated convolution reads beyond a side (its padding comes from the
     * state itself): {@code ⌈(k − 1)/2⌉·d ≤ points − 1} for the largest rate {@code d}.
     */
    @Override
    public void checkState(long[] stateShape) {
        StateRules.spatialAxes(spatialDims, stateShape, "");
        StateRules.channels("channels", channels, stateShape);
        long fewest = Arrays.stream(stateShape, 1, stateShape.length).min().orElse(1);
        long reach = reach();
        if (blocks > 0 && reach > fewest - 1) {
            int widest = Arrays.stream(dilations).max().orElse(1);
            throw new IllegalArgumentException("kernelSize, dilations: the widest dilated convolution (dilation "
                    + widest + ", kernelSize " + kernelSize + ") reads " + reach + " points beyond each side, must be ≤ "
                    + (fewest - 1) + " (the " + fewest + " points " + (stateShape.length > 2
                    ? "along the shortest spatial axis " : "") + "of the state shape " + Arrays.toString(stateShape)
                    + " less one: the padding takes its values from the state itself)");
        }
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        stack.initialiseLift(arrays, random);
        for (int i = 0; i < blocks; i++) {
            for (int j = 0; j < dilations.length; j++) {
                stack.initialiseLayer(arrays, random, "block" + i + ".", j);
            }
        }
        stack.initialiseProjection(arrays, random);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SDVariable x = stack.lift(context, state);
        for (int i = 0; i < blocks; i++) {
            String prefix = "block" + i + ".";
            SDVariable skip = x;
            for (int j = 0; j < dilations.length; j++) {
                x = activation.apply(context.graph(), stack.convolve(context, stack.normed(context, x, prefix, j),
                        prefix, j, dilations[j]));
            }
            x = x.add(skip);
        }
        return stack.project(context, x);
    }

    @Override
    public String toString() {
        return "DilatedResNet(" + channels + "→" + width + ", " + blocks + " blocks of dilations "
                + Arrays.stream(dilations).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"))
                + ", →" + channels + ", " + spatialDims + "d, k=" + kernelSize + ", " + padding + ", " + activation
                + (norm ? ", group norm" : "") + ")";
    }
}
