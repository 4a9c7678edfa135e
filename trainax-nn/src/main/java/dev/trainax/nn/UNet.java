package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * pdequinox's {@code ClassicUNet} on states {@code (batch, channels, *space)} with 1 to 3 spatial
 * axes. With {@code f_l = width·2^l}: a lifting double convolution {@code channels → width}; at
 * each of {@code levels} levels {@code l} (the state before it kept as a skip) a strided
 * convolution {@code f_l → f_l} (kernel 3, stride 2: half the points per axis) and a double
 * convolution {@code f_l → 2f_l}; back up, from the coarsest level, a transposed convolution
 * {@code 2f_l → f_l} (kernel 3, stride 2, output padding 1: twice the points,
 * {@link TransposedConvolution}), the level's skip concatenated before it along the channels and
 * a double convolution {@code 2f_l → f_l}; finally a linear 1×1 projection {@code width → channels}.
 * A double convolution is {@code x ← σ(norm(conv(x)))} twice, kernel 3 with bias, {@code norm} a
 * group norm with one group ({@link GroupNorm}; the identity without {@code norm}). Every
 * convolution pads with the boundary's {@link Padding} ({@link SpatialConvolution}). Parameters
 * {@code lift.*}, {@code down<l>.*}, {@code left<l>.*}, {@code up<l>.*}, {@code right<l>.*},
 * {@code project.*}, the double convolutions' as {@code conv1.*, norm1.*, conv2.*, norm2.*}.
 *
 * <p>Parameter count, with {@code C} channels, {@code H} width, {@code L} levels, {@code D} spatial
 * axes, {@code K = 3^D} and a double convolution {@code dc(i, o) = i·o·K + o + o²·K + o + 4o·[norm]}:
 * {@code dc(C, H) + Σ_l [f_l²·K + f_l + dc(f_l, 2f_l) + 2f_l²·K + f_l + dc(2f_l, f_l)] + H·C + C}.
 * pdequinox's defaults with one channel ({@code H = 16, L = 4}, norm) give 789 089 parameters in
 * 1D and 2 357 441 in 2D.
 *
 * <p>Not member-batched: an ensemble runs its members one after another through one compiled program.
 */
public final class UNet implements Network {

    /** Kernel size of every convolution but the projection, pdequinox's default. */
    private static final int KERNEL_SIZE = 3;
    /** The factor by which each level reduces the points per axis. */
    private static final int FACTOR = 2;

    private final int spatialDims;
    private final int channels;
    private final int width;
    private final int levels;
    private final Activation activation;
    private final Padding padding;
    private final boolean norm;

    /**
     * The parameters of the {@code unet} plugin, pdequinox's {@code ClassicUNet} defaults.
     *
     * @param spatialDims  spatial axes of the state, 1 to 3
     * @param channels     state channels (input and output)
     * @param width        channels at the finest level
     * @param levels       levels below the finest, each halving the points and doubling the channels
     * @param activation   σ after every norm
     * @param boundaryMode the boundary, the padding of every convolution
     * @param norm         whether a group norm follows every convolution of a double convolution
     */
    public record Options(
            @Param(value = "spatial axes of the state (1, 2 or 3)", defaultValue = "1", min = 1, max = 3)
            int spatialDims,
            @Param(value = "state channels", defaultValue = "1", min = 1) int channels,
            @Param(value = "channels at the finest level", defaultValue = "16", min = 1) int width,
            @Param(value = "levels below the finest, each halving the points and doubling the channels",
                    defaultValue = "4", min = 0, max = 20) int levels,
            @Param(value = "hidden activation", defaultValue = "relu") Activation activation,
            @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic") BoundaryMode boundaryMode,
            @Param(value = "group norm (one group) after every convolution of a double convolution",
                    defaultValue = "true") boolean norm) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, spatialDims, channels, width, levels, activation, boundaryMode,
                    norm);
        }
    }

    /** The UNet {@code options} describe. */
    public UNet(Options options) {
        this(options.spatialDims(), options.channels(), options.width(), options.levels(), options.activation(),
                options.boundaryMode().padding(), options.norm());
    }

    /**
     * @param spatialDims spatial axes of the state, 1 to 3
     * @param channels    state channels (input and output)
     * @param width       channels at the finest level
     * @param levels      levels below the finest, 0 to 20
     * @param activation  σ
     * @param padding     boundary handling of every convolution
     * @param norm        whether a group norm follows every convolution of a double convolution
     */
    public UNet(int spatialDims, int channels, int width, int levels, Activation activation, Padding padding,
                boolean norm) {
        this.spatialDims = Conv.checkSpatialDims(spatialDims);
        this.channels = Require.atLeast("channels", channels, 1);
        this.width = Require.atLeast("width", width, 1);
        Require.that(levels >= 0 && levels <= 20, "levels", "must be 0 to 20, got " + levels);
        this.levels = levels;
        this.activation = Require.present("activation", activation);
        this.padding = Require.present("padding", padding);
        this.norm = norm;
        ParameterCount.require("width, levels", "spatialDims = " + spatialDims + ", channels = " + channels
                + ", width = " + width + ", levels = " + levels, parameterCount(spatialDims, channels, width, levels,
                norm));
    }

    /** The formula of the class comment, saturating at {@link Long#MAX_VALUE}. */
    static long parameterCount(int spatialDims, long channels, long width, int levels, boolean norm) {
        long count = ParameterCount.plus(doubleConvolution(spatialDims, channels, width, norm),
                ParameterCount.dense(width, channels));
        for (int l = 0; l < levels; l++) {
            long f = ParameterCount.times(width, 1L << l);
            long twice = ParameterCount.times(2, f);
            long level = ParameterCount.plus(convolution(spatialDims, f, f), doubleConvolution(spatialDims, f, twice,
                    norm));
            level = ParameterCount.plus(level, convolution(spatialDims, twice, f));
            level = ParameterCount.plus(level, doubleConvolution(spatialDims, twice, f, norm));
            count = ParameterCount.plus(count, level);
        }
        return count;
    }

    private static long convolution(int spatialDims, long in, long out) {
        return ParameterCount.convolution(spatialDims, in, out, KERNEL_SIZE, true);
    }

    private static long doubleConvolution(int spatialDims, long in, long out, boolean norm) {
        long count = ParameterCount.plus(convolution(spatialDims, in, out), convolution(spatialDims, out, out));
        return norm ? ParameterCount.plus(count, ParameterCount.times(4, out)) : count;
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes, each a
     * multiple of {@code 2^levels} points with at least 2 at the coarsest level (a kernel of 3
     * takes its padding from the state itself).
     */
    @Override
    public void checkState(long[] stateShape) {
        StateRules.spatialAxes(spatialDims, stateShape, "");
        StateRules.channels("channels", channels, stateShape);
        long reduction = 1L << levels;
        for (int axis = 1; axis < stateShape.length; axis++) {
            long points = stateShape[axis];
            if (points % reduction != 0 || points / reduction < 2) {
                throw new IllegalArgumentException("levels: must leave at least 2 points per spatial axis at the "
                        + "coarsest level, each axis a multiple of 2^levels = " + reduction + " points and at least "
                        + 2 * reduction + ", got " + levels + " levels for the state shape "
                        + Arrays.toString(stateShape));
            }
        }
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        initialiseDouble(arrays, random, "lift.", channels, width);
        for (int l = 0; l < levels; l++) {
            int f = width << l;
            Conv.initialise(arrays, random, "down" + l + ".", spatialDims, f, f, KERNEL_SIZE, true);
            initialiseDouble(arrays, random, "left" + l + ".", f, 2 * f);
            Conv.initialise(arrays, random, "up" + l + ".", spatialDims, 2 * f, f, KERNEL_SIZE, true);
            initialiseDouble(arrays, random, "right" + l + ".", 2 * f, f);
        }
        Conv.initialise(arrays, random, "project.", spatialDims, width, channels, 1, true);
        return Parameters.of(arrays);
    }

    private void initialiseDouble(Map<String, INDArray> arrays, SplittableRandom random, String prefix, int in,
                                  int out) {
        Conv.initialise(arrays, random, prefix + "conv1.", spatialDims, in, out, KERNEL_SIZE, true);
        if (norm) {
            GroupNorm.initialise(arrays, prefix + "norm1.", out);
        }
        Conv.initialise(arrays, random, prefix + "conv2.", spatialDims, out, out, KERNEL_SIZE, true);
        if (norm) {
            GroupNorm.initialise(arrays, prefix + "norm2.", out);
        }
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        long[] shape = context.stateShape();
        SDVariable x = doubleConvolution(context, SpatialConvolution.toGrid(state, spatialDims, shape), "lift.",
                channels, width);
        Deque<SDVariable> skips = new ArrayDeque<>();
        for (int l = 0; l < levels; l++) {
            int f = width << l;
            skips.push(x);
            x = SpatialConvolution.apply(context, x, "down" + l + ".", spatialDims, f, f, KERNEL_SIZE, 1, FACTOR,
                    padding);
            x = doubleConvolution(context, x, "left" + l + ".", f, 2 * f);
        }
        for (int l = levels - 1; l >= 0; l--) {
            int f = width << l;
            x = TransposedConvolution.apply(context, x, "up" + l + ".", spatialDims, 2 * f, f, coarse(shape, l + 1),
                    padding);
            x = doubleConvolution(context, context.graph().concat(1, skips.pop(), x), "right" + l + ".", 2 * f, f);
        }
        x = SpatialConvolution.apply(context, x, "project.", spatialDims, width, channels, 1, 1, 1, padding);
        return SpatialConvolution.fromGrid(x, spatialDims, channels, shape[1]);
    }

    /** The points per spatial axis at {@code level}. */
    private long[] coarse(long[] stateShape, int level) {
        long[] size = new long[spatialDims];
        for (int axis = 0; axis < spatialDims; axis++) {
            size[axis] = stateShape[1 + axis] >> level;
        }
        return size;
    }

    /** {@code x ← σ(norm(conv(x)))} twice, {@code in → out → out}. */
    private SDVariable doubleConvolution(StepContext context, SDVariable x, String prefix, int in, int out) {
        SDVariable y = x;
        for (int i = 1; i <= 2; i++) {
            y = SpatialConvolution.apply(context, y, prefix + "conv" + i + ".", spatialDims, i == 1 ? in : out, out,
                    KERNEL_SIZE, 1, 1, padding);
            if (norm) {
                y = GroupNorm.apply(context, y, prefix + "norm" + i + ".", out, SpatialConvolution.rank(spatialDims));
            }
            y = activation.apply(context.graph(), y);
        }
        return y;
    }

    @Override
    public String toString() {
        return "UNet(" + channels + "→" + width + ", " + levels + " levels, →" + channels + ", " + spatialDims
                + "d, " + padding + ", " + activation + (norm ? ", group norm" : "") + ")";
    }
}
