package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A residual network on states {@code (batch, channels, *space)} with 1 to 3 spatial axes: a lifting convolution to
 * {@code width} channels, {@code blocks} residual blocks {@code x ← σ(x + conv₂(σ(conv₁(x))))} and a
 * projecting convolution back; every convolution has bias and "SAME" padding. Parameters
 * {@code lift.*}, {@code block<i>.conv1.*}, {@code block<i>.conv2.*}, {@code project.*}.
 */
public final class ResNet implements Network {

    private final ConvStack stack;
    private final int blocks;

    /**
     * The parameters of the {@code resnet} plugin.
     *
     * @param spatialDims     spatial axes of the state, 1 to 3
     * @param channels        state channels (input and output)
     * @param width           hidden channels
     * @param blocks          residual blocks
     * @param kernelSize      kernel width of every convolution
     * @param activation      σ
     * @param padding         boundary handling of every convolution
     * @param convolutionPath how 1D convolutions run
     */
    public record Options(
            @Param(value = "spatial axes of the state (1, 2 or 3)", defaultValue = "1", min = 1, max = 3) int spatialDims,
            @Param(value = "state channels", defaultValue = "1", min = 1) int channels,
            @Param(value = "hidden channels", defaultValue = "32", min = 1) int width,
            @Param(value = "residual blocks", defaultValue = "4", min = 0) int blocks,
            @Param(value = "kernel width", defaultValue = "3", min = 1) int kernelSize,
            @Param(value = "hidden activation", defaultValue = "relu") Activation activation,
            @Param(value = "boundary handling", defaultValue = "circular") Padding padding,
            @Param(value = "how 1D convolutions run: auto follows the loaded ND4J native build (native with oneDNN, "
                    + "else matmul)", defaultValue = "auto") ConvolutionPath.Choice convolutionPath) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, spatialDims, channels, width, blocks, kernelSize, activation, padding,
                    convolutionPath);
        }
    }

    /**
     * @param spatialDims spatial axes of the state, 1 to 3
     * @param channels   state channels (input and output)
     * @param width      hidden channels
     * @param blocks     residual blocks, ≥ 0
     * @param kernelSize kernel width of every convolution
     * @param activation σ
     * @param padding    boundary handling of every convolution
     */
    public ResNet(int spatialDims, int channels, int width, int blocks, int kernelSize, Activation activation,
                  Padding padding) {
        this(new ConvStack(spatialDims, channels, width, kernelSize, activation, padding, ConvolutionPath.Choice.AUTO),
                blocks);
    }

    /** The ResNet {@code options} describe, its 1D convolutions on the path they choose. */
    public ResNet(Options options) {
        this(new ConvStack(options.spatialDims(), options.channels(), options.width(), options.kernelSize(),
                options.activation(), options.padding(), options.convolutionPath()), options.blocks());
    }

    private ResNet(ConvStack stack, int blocks) {
        this.stack = stack;
        this.blocks = Require.atLeast("blocks", blocks, 0);
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        stack.initialiseLift(arrays, random);
        for (int i = 0; i < blocks; i++) {
            stack.initialiseHidden(arrays, random, "block" + i + ".conv1.");
            stack.initialiseHidden(arrays, random, "block" + i + ".conv2.");
        }
        stack.initialiseProjection(arrays, random);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        ConvStack.Frame frame = stack.frame(context, state, 2 * blocks + 2);
        SDVariable x = frame.lift(frame.input());
        for (int i = 0; i < blocks; i++) {
            String prefix = "block" + i + ".";
            SDVariable inner = frame.activate(frame.hidden(x, prefix + "conv1."));
            x = frame.activate(frame.residual(x, frame.hidden(inner, prefix + "conv2."), 2));
        }
        return frame.output(frame.project(x));
    }

    @Override
    public String toString() {
        return "ResNet(" + stack.channels() + "→" + stack.width() + ", " + blocks + " blocks, →" + stack.channels()
                + ", " + stack + ")";
    }
}
