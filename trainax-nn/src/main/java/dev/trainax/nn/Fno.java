package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * pdequinox's {@code ClassicFNO}, the Fourier neural operator of Li et al. (2020), on states
 * {@code (batch, channels, *space)} with 1 or 2 periodic spatial axes: a lifting 1×1 convolution
 * {@code channels → width}, {@code blocks} blocks {@code x ← σ(K(x) + W·x + b)} and a projecting
 * 1×1 convolution {@code width → channels}, all 1×1 convolutions with bias. {@code K} is a
 * spectral convolution ({@code SpectralConvolution}) on the lowest {@code modes} Fourier modes
 * per axis (in 2D both signs of the first axis), {@code W·x + b} the block's 1×1 bypass convolution, σ by default GELU in
 * {@code jax.nn.gelu}'s tanh approximation. Parameters {@code lift.*},
 * {@code block<i>.spectral.{real,imag}}, {@code block<i>.bypass.{weight,bias}}, {@code project.*}.
 *
 * <p>Matched to pdequinox: the kept modes ({@code rfftn}'s {@code [:m]} along the last axis and,
 * in 2D, {@code [:m]} and {@code [−m:]} along the first, each with its own weights); the transforms'
 * normalisation (numpy's "backward": the forward transform unscaled, the inverse by {@code 1/N},
 * the inverse ignoring the imaginary part of the mean mode like {@code irfftn}); the spectral
 * weights drawn standard normal times {@code 1/(width·width)}, real and imaginary parts separately
 * (their layout in {@code SpectralConvolution}); the 1×1 convolutions initialised like Equinox's
 * (uniform in {@code ±1/√in}). The random values differ from JAX's, the distributions do not.
 * Each axis must hold at least {@code 2·modes} points, so that the kept modes of the first axis
 * are distinct and the Nyquist mode is never kept; pdequinox also accepts up to {@code N/2 + 1}
 * modes on the last axis (and overwrites overlapping halves on the first). The transforms are
 * dense matrices of the kept modes only, as ND4J has no FFT.
 *
 * <p>Parameter count, with {@code C} channels, {@code H} width, {@code B} blocks, {@code m} modes and
 * {@code D} spatial axes: {@code (C·H + H) + B·(2·H²·m^D·2^(D−1) + H² + H) + (H·C + C)}. pdequinox's
 * defaults with one channel ({@code H = 32, B = 4, m = 12}) give in 1D
 * {@code 64 + 4·(24 576 + 1056) + 33 = 102 625} and in 2D {@code 64 + 4·(589 824 + 1056) + 33 = 2 363 617}.
 */
public final class Fno implements Network {

    private final int spatialDims;
    private final int channels;
    private final int width;
    private final int modes;
    private final int blocks;
    private final Activation activation;

    /**
     * The parameters of the {@code fno} plugin.
     *
     * @param spatialDims spatial axes of the state
     * @param channels    state channels (input and output)
     * @param width       hidden channels
     * @param modes       Fourier modes kept per axis (and per side of the first axis in 2D)
     * @param blocks      spectral blocks
     * @param activation  σ after every block
     */
    public record Options(
            @Param(value = "spatial axes of the state (1 or 2)", defaultValue = "1", min = 1, max = 2) int spatialDims,
            @Param(value = "state channels", defaultValue = "1", min = 1) int channels,
            @Param(value = "hidden channels", defaultValue = "32", min = 1) int width,
            @Param(value = "Fourier modes kept per axis; every axis needs ≥ 2·modes points", defaultValue = "12",
                    min = 1) int modes,
            @Param(value = "spectral blocks", defaultValue = "4", min = 1) int blocks,
            @Param(value = "activation after every block", defaultValue = "gelu") Activation activation) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, spatialDims, channels, width, modes, blocks, activation);
        }
    }

    /** The network {@code options} describe. */
    public Fno(Options options) {
        this(options.spatialDims(), options.channels(), options.width(), options.modes(), options.blocks(),
                options.activation());
    }

    /**
     * @param spatialDims spatial axes of the state, 1 or 2
     * @param channels    state channels (input and output)
     * @param width       hidden channels
     * @param modes       Fourier modes kept per axis, ≥ 1
     * @param blocks      spectral blocks, ≥ 1
     * @param activation  σ
     */
    public Fno(int spatialDims, int channels, int width, int modes, int blocks, Activation activation) {
        Require.that(spatialDims == 1 || spatialDims == 2, "spatialDims", "must be 1 or 2, got " + spatialDims);
        this.spatialDims = spatialDims;
        this.channels = Require.atLeast("channels", channels, 1);
        this.width = Require.atLeast("width", width, 1);
        this.modes = Require.atLeast("modes", modes, 1);
        this.blocks = Require.atLeast("blocks", blocks, 1);
        this.activation = Require.present("activation", activation);
        ParameterCount.require("width, modes, blocks", "spatialDims = " + spatialDims + ", channels = " + channels
                + ", width = " + width + ", modes = " + modes + ", blocks = " + blocks,
                parameterCount(spatialDims, channels, width, modes, blocks));
    }

    /** {@code (C·H + H) + B·(2·H²·m^D·2^(D−1) + H² + H) + (H·C + C)}, saturating at {@link Long#MAX_VALUE}. */
    static long parameterCount(int spatialDims, long channels, long width, long modes, long blocks) {
        long block = ParameterCount.plus(SpectralConvolution.parameterCount(spatialDims, width, modes),
                ParameterCount.dense(width, width));
        long count = ParameterCount.plus(ParameterCount.dense(channels, width), ParameterCount.dense(width, channels));
        return ParameterCount.plus(count, ParameterCount.times(blocks, block));
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes of at least
     * {@code 2·modes} points each.
     */
    @Override
    public void checkState(long[] stateShape) {
        int axes = stateShape.length - 1;
        StateRules.spatialAxes(spatialDims, stateShape, axes == 3 ? "; the FNO takes 1 or 2 spatial axes" : "");
        StateRules.channels("channels", channels, stateShape);
        long fewest = Arrays.stream(stateShape, 1, stateShape.length).min().orElse(1);
        if (fewest < 2L * modes) {
            throw new IllegalArgumentException("modes: must be ≤ " + fewest / 2 + " (half the " + fewest + " points "
                    + (axes > 1 ? "along the shortest spatial axis " : "") + "of the state shape "
                    + Arrays.toString(stateShape) + ": every axis needs at least 2·modes points), got " + modes);
        }
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        Conv.initialise(arrays, random, "lift.", spatialDims, channels, width, 1, true);
        for (int i = 0; i < blocks; i++) {
            spectral(i).initialise(arrays, random);
            Conv.initialise(arrays, random, "block" + i + ".bypass.", spatialDims, width, width, 1, true);
        }
        Conv.initialise(arrays, random, "project.", spatialDims, width, channels, 1, true);
        return Parameters.of(arrays);
    }

    private SpectralConvolution spectral(int block) {
        return new SpectralConvolution(spatialDims, width, modes, "block" + block + ".spectral.");
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        long[] space = Arrays.copyOfRange(context.stateShape(), 1, context.stateShape().length);
        int[] channelsFirst = spatialDims == 1 ? new int[] {1, 0, 2} : new int[] {1, 0, 2, 3};
        // hidden states (channels, batch·space): every 1×1 convolution and transform is one matrix product
        SDVariable x = pointwise(context, "lift.", state.permute(channelsFirst).reshape(channels, -1), channels, width);
        for (int i = 0; i < blocks; i++) {
            SDVariable bypass = pointwise(context, "block" + i + ".bypass.", x, width, width);
            x = activation.apply(context.graph(), spectral(i).apply(context, x).add(bypass));
        }
        x = pointwise(context, "project.", x, width, channels);
        long[] shape = new long[2 + spatialDims];
        shape[0] = channels;
        shape[1] = -1;
        System.arraycopy(space, 0, shape, 2, spatialDims);
        return x.reshape(shape).permute(channelsFirst);
    }

    /** The 1×1 convolution {@code <prefix>weight}, {@code <prefix>bias} of {@code x}, {@code (in, n)} → {@code (out, n)}. */
    private static SDVariable pointwise(StepContext context, String prefix, SDVariable x, int in, int out) {
        SDVariable matrix = context.derived(prefix + "weight.matrix",
                () -> context.parameter(prefix + "weight").reshape(out, in));
        SDVariable bias = context.derived(prefix + "bias.column", () -> context.parameter(prefix + "bias")
                .reshape(out, 1));
        return matrix.mmul(x).add(bias);
    }

    @Override
    public String toString() {
        return "FNO(" + channels + "→" + width + ", " + blocks + " spectral blocks of " + modes + " modes, →" + channels
                + ", " + spatialDims + "d, " + activation + ")";
    }
}
