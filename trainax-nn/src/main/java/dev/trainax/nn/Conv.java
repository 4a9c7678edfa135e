package dev.trainax.nn;

import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One convolution over states {@code (batch, channels, *space)} with 1, 2 or 3 spatial axes and
 * Equinox "SAME" padding: per axis {@code (k−1)/2} points before and the rest after (kernel 2
 * pads one point after), circular by default, or zero or reflect ({@link Padding}). Parameters:
 * {@code weight} {@code [out, in, k, …]} (PyTorch layout, one {@code k} per spatial axis) and, if
 * enabled, {@code bias} {@code [out]}, initialised like PyTorch's {@code ConvNd}. The kernel may be
 * at most {@code 2·points − 1} wide for states of {@code points} along a spatial axis
 * ({@link #checkState}).
 * {@link Conv1d}, {@link Conv2d} and {@link Conv3d} fix the number of spatial axes.
 */
public class Conv implements MemberBatchedNetwork {

    /**
     * The parameters of the {@code conv2d} and {@code conv3d} plugins: one convolution as a stepper,
     * as many output as input channels ({@code conv1d} has its own, with the quickstart's kernel 2).
     *
     * @param channels   input and output channels
     * @param kernelSize kernel width along every axis
     * @param useBias    whether a bias is added
     * @param boundaryMode the boundary, the convolution's padding
     */
    public record StepperOptions(
            @Param(value = "input and output channels", defaultValue = "1", min = 1) int channels,
            @Param(value = "kernel width along every axis", defaultValue = "3", min = 1) int kernelSize,
            @Param(value = "add a bias", defaultValue = "false") boolean useBias,
            @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic") BoundaryMode boundaryMode) {

        /** Validates against the declarations. */
        public StepperOptions {
            RecordParameters.check(StepperOptions.class, channels, kernelSize, useBias, boundaryMode);
        }
    }

    private final int spatialDims;
    private final int inChannels;
    private final int outChannels;
    private final int kernelSize;
    private final boolean useBias;
    private final Padding padding;

    /**
     * @param spatialDims spatial axes of the state, 1 to 3
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width along every spatial axis, at least 1
     * @param useBias     whether a bias is added
     * @param padding     boundary handling along every spatial axis
     */
    public Conv(int spatialDims, int inChannels, int outChannels, int kernelSize, boolean useBias, Padding padding) {
        this.spatialDims = checkSpatialDims(spatialDims);
        this.inChannels = Require.atLeast("inChannels", inChannels, 1);
        this.outChannels = Require.atLeast("outChannels", outChannels, 1);
        this.kernelSize = Require.atLeast("kernelSize", kernelSize, 1);
        this.useBias = useBias;
        this.padding = Require.present("padding", padding);
        ParameterCount.require("channels, kernelSize", "inChannels = " + inChannels + ", outChannels = "
                + outChannels + ", kernelSize = " + kernelSize + ", spatialDims = " + spatialDims,
                ParameterCount.convolution(spatialDims, inChannels, outChannels, kernelSize, useBias));
    }

    static int checkSpatialDims(int spatialDims) {
        Require.that(spatialDims >= 1 && spatialDims <= 3, "spatialDims", "must be 1, 2 or 3, got " + spatialDims);
        return spatialDims;
    }

    @Override
    public Parameters initialParameters(long seed) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        initialise(arrays, new SplittableRandom(seed), "", spatialDims, inChannels, outChannels, kernelSize, useBias);
        return Parameters.of(arrays);
    }

    /**
     * Accepts states {@code (inChannels, *space)} with {@code spatialDims} spatial axes, each of at
     * least {@code kernelSize / 2 + 1} points (the padding comes from the state itself), and only if
     * {@code outChannels = inChannels} (a stepper's output is its next state).
     */
    @Override
    public void checkState(long[] stateShape) {
        int axes = stateShape.length - 1;
        StateRules.spatialAxes(spatialDims, stateShape, getClass() == Conv.class || axes < 1 || axes > 3 ? ""
                : " (conv1d, conv2d and conv3d convolve over 1, 2 and 3 spatial axes: use conv" + axes
                        + "d, or convnet/resnet with spatialDims " + axes + ")");
        StateRules.channels("channels", inChannels, stateShape);
        Require.that(outChannels == inChannels, "outChannels:", "must be " + inChannels
                + " (= inChannels: a stepper's output is its next state), got " + outChannels);
        StateRules.kernelFits(kernelSize, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        if (spatialDims == 1 && denseFits(context.stateShape()[1])) {
            return dense(context, state, 1, context.stateShape()[1]);
        }
        if (spatialDims == 1) {
            return matrixProduct(context, state.permute(1, 0, 2), "", kernelSize, inChannels, outChannels, useBias,
                    padding).permute(1, 0, 2);
        }
        // ND4J wants the kernel as [k, …, in, out]; PyTorch stores [out, in, k, …].
        SDVariable kernel = context.derived("kernel", () -> context.parameter("weight")
                .permute(kernelPermutation(spatialDims)));
        SDVariable bias = useBias ? context.derived("bias.broadcast",
                () -> context.parameter("bias").reshape(biasShape(spatialDims, outChannels))) : null;
        return same(context.graph(), state, kernel, bias, spatialDims, kernelSize, padding);
    }

    /**
     * A 1D "SAME" convolution of {@code x} laid out channels first, {@code (in, batch, points)}, as
     * one matrix product: the k shifted copies of the input stacked to {@code (k·in, batch·points)}
     * times the weight {@code <prefix>weight} as an {@code out × k·in} matrix, plus, if
     * {@code useBias}, {@code <prefix>bias}; the result is {@code (out, batch, points)}. The values
     * are ND4J's {@code conv1d}'s, at a fraction of its cost for stencil-sized layers (a third less
     * time per quickstart step), and SameDiff differentiates it faster.
     */
    static SDVariable matrixProduct(StepContext context, SDVariable x, String prefix, int kernelSize,
                                    int inChannels, int outChannels, boolean useBias, Padding padding) {
        // weight [out, in, k] → [out, k·in], matching the tap-major order of the stack
        SDVariable matrix = context.derived(prefix + "weight.matrix", () -> context.parameter(prefix + "weight")
                .permute(0, 2, 1).reshape(outChannels, -1));
        SDVariable bias = useBias ? context.derived(prefix + "bias.column", () -> context.parameter(prefix + "bias")
                .reshape(outChannels, 1)) : null;
        return windowProduct(context, x, matrix, bias, (long) kernelSize * inChannels, outChannels, kernelSize,
                padding);
    }

    /**
     * {@code matrix} times the {@code kernelSize} stacked "SAME" windows of the channels-first
     * {@code x} ({@code depth} rows: kernel size times channels), plus {@code biasColumn} unless
     * null, as {@code (rows, batch, points)}.
     */
    private static SDVariable windowProduct(StepContext context, SDVariable x, SDVariable matrix,
                                            SDVariable biasColumn, long depth, long rows, int kernelSize,
                                            Padding padding) {
        SDVariable y = matrix.mmul(padding.sameWindows(context.graph(), x, kernelSize).reshape(depth, -1));
        if (biasColumn != null) {
            y = y.add(biasColumn);
        }
        return y.reshape(rows, -1, context.stateShape()[1]);
    }

    /**
     * ND4J's convolution in VALID mode with {@code pad} zeros on each side of every spatial axis:
     * {@code conv2d} on NCHW or {@code conv3d} on NCDHW, with {@code bias} inside the op unless null.
     */
    static SDVariable valid(SameDiff graph, SDVariable x, SDVariable kernel, SDVariable bias, int spatialDims,
                            int kernelSize, int pad) {
        return valid(graph, x, kernel, bias, spatialDims, kernelSize, pad, 1);
    }

    /**
     * {@link #valid(SameDiff, SDVariable, SDVariable, SDVariable, int, int, int)} with the kernel
     * taps {@code dilation} points apart along every spatial axis (a reach of
     * {@code dilation·(kernelSize − 1)}).
     */
    static SDVariable valid(SameDiff graph, SDVariable x, SDVariable kernel, SDVariable bias, int spatialDims,
                            int kernelSize, int pad, int dilation) {
        return valid(graph, x, kernel, bias, spatialDims, kernelSize, pad, dilation, 1);
    }

    /**
     * {@link #valid(SameDiff, SDVariable, SDVariable, SDVariable, int, int, int, int)} evaluated at
     * every {@code stride}-th point along every spatial axis.
     */
    static SDVariable valid(SameDiff graph, SDVariable x, SDVariable kernel, SDVariable bias, int spatialDims,
                            int kernelSize, int pad, int dilation, int stride) {
        return spatialDims == 2
                ? graph.cnn().conv2d(x, kernel, bias, Conv2DConfig.builder().kH(kernelSize).kW(kernelSize)
                        .sH(stride).sW(stride).pH(pad).pW(pad).dH(dilation).dW(dilation)
                        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build())
                : graph.cnn().conv3d(x, kernel, bias, Conv3DConfig.builder().kD(kernelSize).kH(kernelSize)
                        .kW(kernelSize).sD(stride).sH(stride).sW(stride).pD(pad).pH(pad).pW(pad).dD(dilation)
                        .dH(dilation).dW(dilation).paddingMode(PaddingMode.VALID).dataFormat("NCDHW").build());
    }

    /** A "SAME" convolution with an ND4J-layout {@code kernel} and a broadcastable {@code bias} or null. */
    private static SDVariable same(SameDiff graph, SDVariable x, SDVariable kernel, SDVariable bias, int spatialDims,
                                   int kernelSize, Padding padding) {
        int before = (kernelSize - 1) / 2;
        int after = kernelSize - 1 - before;
        SDVariable padded = x;
        for (int axis = 2; axis < 2 + spatialDims; axis++) {
            padded = padding.pad(graph, padded, axis, before, after);
        }
        SDVariable out = valid(graph, padded, kernel, null, spatialDims, kernelSize, 0);
        return bias == null ? out : out.add(bias);
    }

    /** {@code [1, channels, 1, …]}: a bias broadcast over batch and space. */
    private static long[] biasShape(int spatialDims, long channels) {
        long[] shape = new long[2 + spatialDims];
        Arrays.fill(shape, 1);
        shape[1] = channels;
        return shape;
    }

    /**
     * All members as one convolution: the members become channel groups, {@code (B·K, C, *space)} →
     * {@code (B, K·C, *space)} (a reshape, no copy), convolved with the block-diagonal kernel of the
     * stacked weights, so no channel of one member reaches another.
     */
    @Override
    public SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape) {
        checkState(stateShape);
        if (spatialDims == 1 && denseFits(stateShape[1])) {
            return dense(context, states, members, stateShape[1]);
        }
        if (spatialDims == 1) {
            return membersAsMatrixProduct(context, states, members, stateShape[1]);
        }
        long[] grouped = stateShape.clone();
        grouped[0] = (long) members * inChannels;
        SDVariable x = states.reshape(withBatch(grouped));
        SDVariable kernel = context.derived("members.kernel", () -> blockDiagonal(context, members)
                .permute(kernelPermutation(spatialDims)));
        SDVariable bias = useBias ? context.derived("members.bias", () -> context.parameter("bias")
                .reshape(biasShape(spatialDims, (long) members * outChannels))) : null;
        SDVariable y = same(context.graph(), x, kernel, bias, spatialDims, kernelSize, padding);
        long[] single = stateShape.clone();
        single[0] = outChannels;
        return y.reshape(withBatch(single));
    }

    /**
     * Whether a 1D convolution over {@code points} runs as a dense matrix product ({@link #dense}):
     * when its matrix has at most {@link #DENSE_ENTRIES} entries.
     */
    private boolean denseFits(long points) {
        return (double) inChannels * outChannels * points * points <= DENSE_ENTRIES;
    }

    /**
     * The most entries ({@code in·N × out·N}) of a convolution's dense matrix: 256 KiB of floats,
     * whose product with a batch of 32 states costs about what the ops of the stacked-windows
     * product cost in calls alone.
     */
    private static final long DENSE_ENTRIES = 65_536;

    /**
     * A 1D convolution of {@code members} networks as the linear map it is: each state
     * {@code (in, N)}, flattened, times the member's {@code in·N × out·N} matrix
     * {@code M[(i, n), (o, m)] = Σ_t w[o, i, t]·[output point m reads point n at tap t]}, whose
     * 0/1 reading pattern per tap (circular, zero or reflect padding) is a constant: per
     * rollout step one matrix product (batched over members) and its gradient, instead of the
     * dozen small ops of the shifted windows that dominate a stencil-sized step. The matrix is
     * built once per graph from the weights. States {@code (B·K, in, N)}, members inner.
     */
    private SDVariable dense(StepContext context, SDVariable states, int members, long points) {
        long in = inChannels * points;
        long out = outChannels * points;
        SDVariable matrix = context.derived("dense.matrix." + members, () -> {
            SDVariable reads = context.constant("dense.reads." + kernelSize + "." + points + "." + padding,
                    readPattern(points));
            // [K, out, in, k] → [K·in·out, k] · reads [k, N·N] → [K, in, out, N, N] → [K, in·N, out·N]
            // (the permutes swap axes; with a single channel on one side they keep the order: none then)
            SDVariable weight = context.parameter("weight").reshape(members, outChannels, inChannels, kernelSize);
            SDVariable perPair = (inChannels > 1 && outChannels > 1 ? weight.permute(0, 2, 1, 3) : weight)
                    .reshape((long) members * inChannels * outChannels, kernelSize).mmul(reads)
                    .reshape(members, inChannels, outChannels, points, points);
            return (outChannels > 1 ? perPair.permute(0, 1, 3, 2, 4) : perPair)
                    .reshape(members == 1 ? new long[] {in, out} : new long[] {members, in, out});
        });
        SDVariable bias = useBias ? context.derived("dense.bias." + members, () -> context.parameter("bias")
                .reshape((long) members * outChannels, 1)
                .mmul(context.constant("dense.ones." + points, Nd4j.ones(1, points)))
                .reshape(members == 1 ? new long[] {1, out} : new long[] {members, 1, out})) : null;
        // (B·K, in, N) → (K, B, in·N): a batch of matrix products, one per member
        SDVariable x = members == 1 ? states.reshape(-1, in) : states.reshape(-1, members, in).permute(1, 0, 2);
        SDVariable y = x.mmul(matrix);
        if (bias != null) {
            y = y.add(bias);
        }
        return (members == 1 ? y : y.permute(1, 0, 2)).reshape(-1, outChannels, points);
    }

    /**
     * {@code [k, N·N]}: row {@code t} is 1 at {@code (n, m)} where output point {@code m} reads
     * input point {@code n} at tap {@code t} ("SAME": tap {@code t} at offset
     * {@code t − (k − 1)/2}), 0 elsewhere (zero padding reads nothing beyond the grid).
     */
    private INDArray readPattern(long points) {
        int n = (int) points;
        int before = (kernelSize - 1) / 2;
        double[][] reads = new double[kernelSize][n * n];
        for (int tap = 0; tap < kernelSize; tap++) {
            for (int m = 0; m < n; m++) {
                int source = padding.source(m + tap - before, n);
                if (source >= 0) {
                    reads[tap][source * n + m] = 1;
                }
            }
        }
        return Nd4j.createFromArray(reads);
    }

    /**
     * 1D members as one matrix product: the shifted copies of every member's channels, stacked to
     * {@code (k·K·in, B·N)}, times the block-diagonal {@code (K·out) × (k·K·in)} matrix of the
     * stacked weights. SameDiff's {@code conv1d} backward with K-fold channels costs several times
     * a matrix product's.
     */
    private SDVariable membersAsMatrixProduct(StepContext context, SDVariable states, int members, long points) {
        // (B·K, in, N) → (K·in, B, N): channels first, member-major
        SDVariable x = states.reshape(-1, (long) members * inChannels, points).permute(1, 0, 2);
        long depth = (long) kernelSize * members * inChannels;
        SDVariable matrix = context.derived("members.matrix", () -> {
            SDVariable mask = context.constant("members.matrix.mask." + members,
                    Nd4j.eye(members).reshape(members, 1, 1, members, 1));
            // [K, out, in, k] → [K, out, k, 1, in] · mask [K, 1, 1, K, 1] → [K·out, (j, K, in)]
            return context.parameter("weight").permute(0, 1, 3, 2)
                    .reshape(members, outChannels, kernelSize, 1, inChannels).mul(mask)
                    .reshape((long) members * outChannels, depth);
        });
        SDVariable bias = useBias ? context.derived("members.matrix.bias", () -> context.parameter("bias")
                .reshape((long) members * outChannels, 1)) : null;
        return windowProduct(context, x, matrix, bias, depth, (long) members * outChannels, kernelSize, padding)
                .permute(1, 0, 2).reshape(-1, outChannels, points);
    }

    /** {@code (−1, *shape)}. */
    private static long[] withBatch(long[] shape) {
        long[] result = new long[shape.length + 1];
        result[0] = -1;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }

    /** The stacked weights {@code [K, out, in, k, …]} as one block-diagonal weight {@code [K·out, K·in, k, …]}. */
    private SDVariable blockDiagonal(StepContext context, int members) {
        long taps = (long) Math.pow(kernelSize, spatialDims);
        SDVariable mask = context.constant("members.mask." + members, Nd4j.eye(members)
                .reshape(members, 1, members, 1, 1));
        SDVariable spread = context.parameter("weight").reshape(members, outChannels, 1, inChannels, taps).mul(mask);
        long[] shape = new long[2 + spatialDims];
        Arrays.fill(shape, kernelSize);
        shape[0] = (long) members * outChannels;
        shape[1] = (long) members * inChannels;
        return spread.reshape(shape);
    }

    /** {@code [out, in, k₁, …, k_d]} → {@code [k₁, …, k_d, in, out]}. */
    static int[] kernelPermutation(int spatialDims) {
        int[] permutation = new int[spatialDims + 2];
        for (int i = 0; i < spatialDims; i++) {
            permutation[i] = i + 2;
        }
        permutation[spatialDims] = 1;
        permutation[spatialDims + 1] = 0;
        return permutation;
    }

    /** Weight {@code [out, in, k, …]} and bias {@code [out]} drawn like PyTorch's ConvNd (fan-in {@code in·k^d}). */
    static void initialise(Map<String, INDArray> arrays, SplittableRandom random, String prefix, int spatialDims,
                           int in, int out, int kernelSize, boolean useBias) {
        long[] shape = new long[2 + spatialDims];
        Arrays.fill(shape, kernelSize);
        shape[0] = out;
        shape[1] = in;
        long fanIn = (long) in * (long) Math.pow(kernelSize, spatialDims);
        arrays.put(prefix + "weight", Init.uniform(random, fanIn, shape));
        if (useBias) {
            arrays.put(prefix + "bias", Init.uniform(random, fanIn, out));
        }
    }

    @Override
    public String toString() {
        return "Conv" + spatialDims + "d(" + inChannels + "→" + outChannels + ", k=" + kernelSize + ", "
                + padding.name().toLowerCase(Locale.ROOT) + ", bias=" + useBias + ")";
    }
}
