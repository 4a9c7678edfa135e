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
 * A residual network on states {@code (batch, channels, *space)} with 1 to 3 spatial axes: a lifting convolution to
 * {@code width} channels, {@code blocks} residual blocks {@code x ← σ(x + conv₂(σ(conv₁(x))))} and a
 * projecting convolution back; every convolution has bias and "SAME" padding. Parameters
 * {@code lift.*}, {@code block<i>.conv1.*}, {@code block<i>.conv2.*}, {@code project.*}.
 */
public final class ResNet implements Network {

    private final ConvStack stack;
    private final int blocks;

    /**
     * The parameters of the {@code resnet} plugin: the stack's shape, its blocks, and how its layers are made.
     *
     * @param shape  spatial axes, state channels and hidden channels
     * @param blocks residual blocks
     * @param layers kernel width, activation, boundary and 1D convolution path of every convolution
     */
    public record Options(@ParamGroup ConvStackShape shape,
                          @Param(value = "residual blocks", defaultValue = "4", min = 0) int blocks,
                          @ParamGroup ConvStackLayers layers) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, shape, blocks, layers);
        }

        /** The options the flat spec parameters name, in the order the plugin lists them. */
        public Options(int spatialDims, int channels, int width, int blocks, int kernelSize, Activation activation,
                       BoundaryMode boundaryMode, ConvolutionPath.Choice convolutionPath) {
            this(new ConvStackShape(spatialDims, channels, width), blocks,
                    new ConvStackLayers(kernelSize, activation, boundaryMode, convolutionPath));
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
        this(new ConvStack(options.shape(), options.layers()), options.blocks());
    }

    private ResNet(ConvStack stack, int blocks) {
        this.stack = stack;
        this.blocks = Require.atLeast("blocks", blocks, 0);
        stack.requireParameterCount("blocks", blocks, 2L * blocks);
    }

    /**
     * Accepts states {@code (channels, *space)} with {@code spatialDims} spatial axes, each of at
     * least {@code kernelSize / 2 + 1} points (the padding comes from the state itself).
     */
    @Override
    public void checkState(long[] stateShape) {
        stack.checkState(stateShape);
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
        ConvStack.Frame frame = stack.frame(context, state, 2 * blocks + 2, false);
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
