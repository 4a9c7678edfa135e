package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * One 1D convolution over states {@code (batch, channels, points)} with periodic ("circular")
 * boundaries and Equinox "SAME" padding: {@code (k−1)/2} points on the left, the rest on the right
 * (kernel 2 pads one point on the right). Parameters: {@code weight} {@code [out, in, k]} (PyTorch
 * layout) and, if enabled, {@code bias} {@code [out]}.
 */
public final class Conv1d implements Network {

    private final int inChannels;
    private final int outChannels;
    private final int kernelSize;
    private final boolean useBias;

    /**
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width, at least 1
     * @param useBias     whether a bias is added
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, boolean useBias) {
        this.inChannels = Require.atLeast("inChannels", inChannels, 1);
        this.outChannels = Require.atLeast("outChannels", outChannels, 1);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        this.useBias = useBias;
    }

    @Override
    public Parameters initialParameters(long seed) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        initialise(arrays, new SplittableRandom(seed), "", inChannels, outChannels, kernelSize, useBias);
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        return convolve(context, state, "", kernelSize, outChannels, useBias);
    }

    /**
     * One circular "SAME" convolution reading parameters {@code <prefix>weight} {@code [out, in, k]}
     * and, if {@code useBias}, {@code <prefix>bias} {@code [out]}.
     */
    static SDVariable convolve(StepContext context, SDVariable x, String prefix, int kernelSize, int outChannels,
                               boolean useBias) {
        SameDiff graph = context.graph();
        int left = (kernelSize - 1) / 2;
        int right = kernelSize - 1 - left;
        SDVariable padded = circularPad(graph, x, left, right);
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

    /** Wraps {@code left} points from the end to the front and {@code right} from the front to the end. */
    static SDVariable circularPad(SameDiff graph, SDVariable x, int left, int right) {
        if (left == 0 && right == 0) {
            return x;
        }
        java.util.List<SDVariable> parts = new java.util.ArrayList<>();
        if (left > 0) {
            parts.add(x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(-left, null)));
        }
        parts.add(x);
        if (right > 0) {
            parts.add(x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, right)));
        }
        return graph.concat(2, parts.toArray(new SDVariable[0]));
    }

    @Override
    public String toString() {
        return "Conv1d(" + inChannels + "→" + outChannels + ", k=" + kernelSize + ", circular, bias=" + useBias + ")";
    }
}
