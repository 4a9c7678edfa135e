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
 * The convolutional emulator of APEBench/Equinox on states {@code (batch, channels, *space)} with 1
 * to 3 spatial axes (1 by default): a lifting convolution to {@code width} channels, {@code depth} hidden convolutions,
 * each followed by the activation, and a projecting convolution back, all with "SAME" padding
 * (circular by default) and bias. Parameters {@code lift.*}, {@code hidden<i>.*}, {@code project.*} with PyTorch
 * layout {@code [out, in, k, …]}; the peer's 1D 1→32, 9×32→32, 32→1, kernel 3 has 28,161 of them.
 */
public final class ConvNet implements Network {

    private final ConvStack stack;
    private final int depth;

    /**
     * The parameters of the {@code convnet} plugin: the stack's shape, its depth, and how its layers are made.
     *
     * @param shape  spatial axes, state channels and hidden channels
     * @param depth  hidden convolutions between lift and projection
     * @param layers kernel width, activation, boundary and 1D convolution path of every convolution
     */
    public record Options(@ParamGroup ConvStackShape shape,
                          @Param(value = "hidden convolutions", defaultValue = "9", min = 0) int depth,
                          @ParamGroup ConvStackLayers layers) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, shape, depth, layers);
        }

        /** The options the flat spec parameters name, in the order the plugin lists them. */
        public Options(int spatialDims, int channels, int width, int depth, int kernelSize, Activation activation,
                       BoundaryMode boundaryMode, ConvolutionPath.Choice convolutionPath) {
            this(new ConvStackShape(spatialDims, channels, width), depth,
                    new ConvStackLayers(kernelSize, activation, boundaryMode, convolutionPath));
        }
    }

    /** A circular ConvNet; see {@link #ConvNet(int, int, int, int, Activation, Padding)}. */
    public ConvNet(int channels, int width, int depth, int kernelSize, Activation activation) {
        this(channels, width, depth, kernelSize, activation, Padding.CIRCULAR);
    }

    /**
     * @param channels   state channels (input and output)
     * @param width      hidden channels
     * @param depth      hidden convolutions between lift and projection, ≥ 0
     * @param kernelSize kernel width of every convolution
     * @param activation applied after the lift and every hidden convolution
     * @param padding    boundary handling of every convolution
     */
    public ConvNet(int channels, int width, int depth, int kernelSize, Activation activation, Padding padding) {
        this(1, channels, width, depth, kernelSize, activation, padding);
    }

    /**
     * A ConvNet over {@code spatialDims} spatial axes (1 to 3); other arguments as
     * {@link #ConvNet(int, int, int, int, Activation, Padding)}.
     */
    public ConvNet(int spatialDims, int channels, int width, int depth, int kernelSize, Activation activation,
                   Padding padding) {
        this(new ConvStack(spatialDims, channels, width, kernelSize, activation, padding, ConvolutionPath.Choice.AUTO),
                depth);
    }

    /** The ConvNet {@code options} describe, its 1D convolutions on the path they choose. */
    public ConvNet(Options options) {
        this(new ConvStack(options.shape(), options.layers()), options.depth());
    }

    private ConvNet(ConvStack stack, int depth) {
        this.stack = stack;
        this.depth = Require.atLeast("depth", depth, 0);
        stack.requireParameterCount("depth", depth, depth);
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
        for (int i = 0; i < depth; i++) {
            stack.initialiseHidden(arrays, random, "hidden" + i + ".");
        }
        stack.initialiseProjection(arrays, random);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        ConvStack.Frame frame = stack.frame(context, state, depth + 2, true);
        SDVariable x = frame.activate(frame.lift(frame.input()));
        for (int i = 0; i < depth; i++) {
            x = frame.activate(frame.hidden(x, "hidden" + i + "."));
        }
        return frame.output(frame.project(x));
    }

    @Override
    public String toString() {
        return "ConvNet(" + stack.channels() + "→" + stack.width() + ", " + depth + "×" + stack.width() + "→"
                + stack.width() + ", →" + stack.channels() + ", " + stack + ")";
    }
}
