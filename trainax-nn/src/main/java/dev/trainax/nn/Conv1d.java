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
        SplittableRandom random = new SplittableRandom(seed);
        long fanIn = (long) inChannels * kernelSize;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("weight", Init.uniform(random, fanIn, outChannels, inChannels, kernelSize));
        if (useBias) {
            arrays.put("bias", Init.uniform(random, fanIn, outChannels));
        }
        return Parameters.of(arrays);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        int left = (kernelSize - 1) / 2;
        int right = kernelSize - 1 - left;
        SDVariable padded = circularPad(graph, state, left, right);
        SDVariable kernel = context.derived("conv1d.kernel", () -> context.parameter("weight").permute(2, 1, 0));
        SDVariable out = graph.cnn().conv1d(padded, kernel, Conv1DConfig.builder().k(kernelSize).s(1).p(0).d(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCW").build());
        if (useBias) {
            out = out.add(context.parameter("bias").reshape(1, outChannels, 1));
        }
        return out;
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
