package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * pdequinox's {@code ModernResNet} (after PDEArena) on states {@code (batch, channels, *space)}
 * with 1 to 3 spatial axes: a linear 1×1 lift {@code channels → width}, {@code blocks}
 * pre-activation residual blocks {@code x ← x + conv₂(σ(norm₂(conv₁(σ(norm₁(x))))))} and a
 * linear 1×1 projection {@code width → channels}. The convolutions inside a block are
 * {@code width → width} with bias and {@code kernelSize} taps, padded with the boundary's
 * {@link Padding} ({@link SpatialConvolution}); {@code norm} is a group norm with one group
 * ({@link GroupNorm}; the identity without {@code norm}). All blocks keep {@code width} channels, so
 * no block has pdequinox's bypass convolution. Parameters {@code lift.*},
 * {@code block<i>.{norm1,conv1,norm2,conv2}.*}, {@code project.*}.
 *
 * <p>Parameter count, with {@code C} channels, {@code H} width, {@code B} blocks, kernel size
 * {@code k} and {@code D} spatial axes: {@code (C·H + H) + B·(2·(H²·k^D + H) + 4H·[norm]) + (H·C + C)}.
 * pdequinox's defaults with one channel ({@code H = 32, B = 6, k = 3}, norm) give
 * {@code 64 + 6·(2·3104 + 128) + 33 = 38 113} in 1D and {@code 64 + 6·(2·9248 + 128) + 33 = 111 841}
 * in 2D.
 *
 * <p>Not member-batched: an ensemble runs its members one after another through one compiled program.
 */
public final class ModernResNet implements Network {

    private final int spatialDims;
    private final int channels;
    private final int width;
    private final int blocks;
    private final int kernelSize;
    private final Activation activation;
    private final Padding padding;
    private final boolean norm;
    private final LiftedStack stack;

    /**
     * The parameters of the {@code modern-resnet} plugin, pdequinox's {@code ModernResNet} defaults.
     *
     * @param shape        spatial axes, state channels and hidden channels
     * @param blocks       pre-activation residual blocks
     * @param kernelSize   kernel width of every convolution inside a block
     * @param activation   σ before every convolution inside a block
     * @param boundaryMode the boundary, the padding of every convolution
     * @param norm         whether a group norm precedes every activation
     */
    public record Options(@ParamGroup ConvStackShape shape,
                          @Param(value = "pre-activation residual blocks", defaultValue = "6", min = 1) int blocks,
                          @Param(value = "kernel width", defaultValue = "3", min = 1) int kernelSize,
                          @Param(value = "hidden activation", defaultValue = "relu") Activation activation,
                          @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic")
                          BoundaryMode boundaryMode,
                          @Param(value = "group norm (one group) before every activation", defaultValue = "true")
                          boolean norm) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, shape, blocks, kernelSize, activation, boundaryMode, norm);
        }
    }

    /** The network {@code options} describe. */
    public ModernResNet(Options options) {
        this(options.shape().spatialDims(), options.shape().channels(), options.shape().width(), options.blocks(),
                options.kernelSize(), options.activation(), options.boundaryMode().padding(), options.norm());
    }

    /**
     * @param spatialDims spatial axes of the state, 1 to 3
     * @param channels    state channels (input and output)
     * @param width       hidden channels
     * @param blocks      pre-activation residual blocks, ≥ 1
     * @param kernelSize  kernel width of every convolution inside a block
     * @param activation  σ
     * @param padding     boundary handling of every convolution
     * @param norm        whether a group norm precedes every activation
     */
    public ModernResNet(int spatialDims, int channels, int width, int blocks, int kernelSize, Activation activation,
                        Padding padding, boolean norm) {
        this.spatialDims = Conv.checkSpatialDims(spatialDims);
        this.channels = Require.atLeast("channels", channels, 1);
        this.width = Require.atLeast("width", width, 1);
        this.blocks = Require.atLeast("blocks", blocks, 1);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        this.activation = Require.present("activation", activation);
        this.padding = Require.present("padding", padding);
        this.norm = norm;
        this.stack = new LiftedStack(spatialDims, channels, width, kernelSize, padding, norm);
        ParameterCount.require("width, blocks, kernelSize", "spatialDims = " + spatialDims + ", channels = "
                + channels + ", width = " + width + ", blocks = " + blocks + ", kernelSize = " + kernelSize,
                parameterCount(spatialDims, channels, width, blocks, kernelSize, norm));
    }

    /** The formula of the class comment, saturating at {@link Long#MAX_VALUE}. */
    static long parameterCount(int spatialDims, long channels, long width, long blocks, long kernelSize,
                               boolean norm) {
        long block = ParameterCount.times(2, ParameterCount.convolution(spatialDims, width, width, kernelSize, true));
        if (norm) {
            block = ParameterCount.plus(block, ParameterCount.times(4, width));
        }
        long count = ParameterCount.plus(ParameterCount.dense(channels, width), ParameterCount.dense(width, channels));
        return ParameterCount.plus(count, ParameterCount.times(blocks, block));
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes, each of at
     * least {@code kernelSize / 2 + 1} points (the padding comes from the state itself).
     */
    @Override
    public void checkState(long[] stateShape) {
        StateRules.spatialAxes(spatialDims, stateShape, "");
        StateRules.channels("channels", channels, stateShape);
        StateRules.kernelFits(kernelSize, stateShape);
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        stack.initialiseLift(arrays, random);
        for (int i = 0; i < blocks; i++) {
            for (int j = 1; j <= 2; j++) {
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
            SDVariable y = x;
            for (int j = 1; j <= 2; j++) {
                y = stack.convolve(context, activation.apply(context.graph(), stack.normed(context, y, prefix, j)),
                        prefix, j, 1);
            }
            x = x.add(y);
        }
        return stack.project(context, x);
    }

    @Override
    public String toString() {
        return "ModernResNet(" + channels + "→" + width + ", " + blocks + " blocks, →" + channels + ", "
                + spatialDims + "d, k=" + kernelSize + ", " + padding + ", " + activation
                + (norm ? ", group norm" : "") + ")";
    }
}
