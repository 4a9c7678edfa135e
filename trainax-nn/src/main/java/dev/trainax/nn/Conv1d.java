package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * One 1D convolution over states {@code (batch, channels, points)} with Equinox "SAME" padding,
 * {@code (k−1)/2} points on the left and the rest on the right (kernel 2 pads one point on the
 * right), circular by default, or zero or reflect ({@link Padding}). Parameters: {@code weight} {@code [out, in, k]} (PyTorch
 * layout) and, if enabled, {@code bias} {@code [out]}.
 */
public final class Conv1d implements Network {

    private final int inChannels;
    private final int outChannels;
    private final int kernelSize;
    private final boolean useBias;
    private final Padding padding;

    /**
     * A circular convolution.
     *
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width, at least 1
     * @param useBias     whether a bias is added
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, boolean useBias) {
        this(inChannels, outChannels, kernelSize, useBias, Padding.CIRCULAR);
    }

    /** A convolution with the given {@code padding}; other arguments as {@link #Conv1d(int, int, int, boolean)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, boolean useBias, Padding padding) {
        this.inChannels = Require.atLeast("inChannels", inChannels, 1);
        this.outChannels = Require.atLeast("outChannels", outChannels, 1);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        this.useBias = useBias;
        this.padding = Require.present("padding", padding);
    }

    @Override
    public Parameters initialParameters(long seed) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        initialise(arrays, new SplittableRandom(seed), "", inChannels, outChannels, kernelSize, useBias);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        return convolve(context, state, "", kernelSize, outChannels, useBias, padding);
    }

    /**
     * One "SAME" convolution reading parameters {@code <prefix>weight} {@code [out, in, k]} and, if
     * {@code useBias}, {@code <prefix>bias} {@code [out]}.
     */
    static SDVariable convolve(StepContext context, SDVariable x, String prefix, int kernelSize, int outChannels,
                               boolean useBias, Padding padding) {
        SameDiff graph = context.graph();
        int left = (kernelSize - 1) / 2;
        int right = kernelSize - 1 - left;
        SDVariable padded = padding.pad(graph, x, left, right);
        SDVariable kernel = context.derived(prefix + "kernel", () -> context.parameter(prefix + "weight")
                .permute(2, 1, 0));
        SDVariable out = graph.cnn().conv1d(padded, kernel, Conv1DConfig.builder().k(kernelSize).s(1).p(0).d(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCW").build());
        if (useBias) {
            out = out.add(context.derived(prefix + "bias.column",
                    () -> context.parameter(prefix + "bias").reshape(1, outChannels, 1)));
        }
        return out;
    }

    /** Weight {@code [out, in, k]} and bias {@code [out]} drawn like PyTorch's Conv1d. */
    static void initialise(Map<String, INDArray> arrays, SplittableRandom random, String prefix, int in, int out,
                           int kernelSize, boolean useBias) {
        long fanIn = (long) in * kernelSize;
        arrays.put(prefix + "weight", Init.uniform(random, fanIn, out, in, kernelSize));
        if (useBias) {
            arrays.put(prefix + "bias", Init.uniform(random, fanIn, out));
        }
    }

    @Override
    public String toString() {
        return "Conv1d(" + inChannels + "→" + outChannels + ", k=" + kernelSize + ", " + padding.name().toLowerCase(
                java.util.Locale.ROOT) + ", bias=" + useBias + ")";
    }
}
