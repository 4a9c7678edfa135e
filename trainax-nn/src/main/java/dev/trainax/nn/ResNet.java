package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 1D residual network on states {@code (batch, channels, points)}: a lifting convolution to
 * {@code width} channels, {@code blocks} residual blocks {@code x ← σ(x + conv₂(σ(conv₁(x))))} and a
 * projecting convolution back; every convolution has bias and "SAME" padding. Parameters
 * {@code lift.*}, {@code block<i>.conv1.*}, {@code block<i>.conv2.*}, {@code project.*}.
 */
public final class ResNet implements Network {

    private final int channels;
    private final int width;
    private final int blocks;
    private final int kernelSize;
    private final Activation activation;
    private final Padding padding;

    /**
     * @param channels   state channels (input and output)
     * @param width      hidden channels
     * @param blocks     residual blocks, ≥ 0
     * @param kernelSize kernel width of every convolution
     * @param activation σ
     * @param padding    boundary handling of every convolution
     */
    public ResNet(int channels, int width, int blocks, int kernelSize, Activation activation, Padding padding) {
        this.channels = Require.atLeast("channels", channels, 1);
        this.width = Require.atLeast("width", width, 1);
        this.blocks = Require.atLeast("blocks", blocks, 0);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        this.activation = Require.present("activation", activation);
        this.padding = Require.present("padding", padding);
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        Conv1d.initialise(arrays, random, "lift.", channels, width, kernelSize, true);
        for (int i = 0; i < blocks; i++) {
            Conv1d.initialise(arrays, random, "block" + i + ".conv1.", width, width, kernelSize, true);
            Conv1d.initialise(arrays, random, "block" + i + ".conv2.", width, width, kernelSize, true);
        }
        Conv1d.initialise(arrays, random, "project.", width, channels, kernelSize, true);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SDVariable x = Conv1d.convolve(context, state, "lift.", kernelSize, width, true, padding);
        for (int i = 0; i < blocks; i++) {
            String prefix = "block" + i + ".";
            SDVariable inner = activation.apply(context.graph(),
                    Conv1d.convolve(context, x, prefix + "conv1.", kernelSize, width, true, padding));
            x = activation.apply(context.graph(),
                    x.add(Conv1d.convolve(context, inner, prefix + "conv2.", kernelSize, width, true, padding)));
        }
        return Conv1d.convolve(context, x, "project.", kernelSize, channels, true, padding);
    }

    @Override
    public String toString() {
        return "ResNet(" + channels + "→" + width + ", " + blocks + " blocks, →" + channels + ", k=" + kernelSize
                + ", " + padding + ", " + activation + ")";
    }
}
