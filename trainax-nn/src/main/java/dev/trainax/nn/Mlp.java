package dev.trainax.nn;

import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multilayer perceptron on the flattened state: {@code features → width (× depth) → features},
 * the activation after every hidden layer, none after the last; it accepts states whose channels ×
 * space equal {@code features}. Parameters are named
 * {@code layer<i>.weight} (shape {@code [out, in]}, PyTorch layout) and {@code layer<i>.bias}.
 */
public final class Mlp implements MemberBatchedNetwork {

    private final int features;
    private final int width;
    private final int depth;
    private final Activation activation;

    /**
     * The parameters of the {@code mlp} plugin.
     *
     * @param features   channels × space of one state (input and output size)
     * @param width      hidden layer width
     * @param depth      number of hidden layers
     * @param activation hidden activation
     */
    public record Options(
            @Param(value = "channels × space of one state", min = 1) int features,
            @Param(value = "hidden width", defaultValue = "64", min = 1) int width,
            @Param(value = "number of hidden layers", defaultValue = "2", min = 0) int depth,
            @Param(value = "hidden activation", defaultValue = "relu") Activation activation) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, features, width, depth, activation);
        }
    }

    /**
     * @param features   channels × space of one state (input and output size)
     * @param width      hidden layer width
     * @param depth      number of hidden layers (0 gives a single linear map)
     * @param activation hidden activation
     */
    public Mlp(int features, int width, int depth, Activation activation) {
        this.features = Require.atLeast("features", features, 1);
        this.width = Require.atLeast("width", width, 1);
        this.depth = Require.atLeast("depth", depth, 0);
        this.activation = Require.present("activation", activation);
        long count = depth == 0 ? ParameterCount.dense(features, features)
                : ParameterCount.plus(ParameterCount.plus(ParameterCount.dense(features, width),
                        ParameterCount.times(depth - 1L, ParameterCount.dense(width, width))),
                        ParameterCount.dense(width, features));
        ParameterCount.require("features, width, depth", "features = " + features + ", width = " + width
                + ", depth = " + depth, count);
    }

    /** The perceptron {@code options} describe. */
    public Mlp(Options options) {
        this(options.features(), options.width(), options.depth(), options.activation());
    }

    private int inputSize(int layer) {
        return layer == 0 ? features : width;
    }

    private int outputSize(int layer) {
        return layer == depth ? features : width;
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int layer = 0; layer <= depth; layer++) {
            arrays.put("layer" + layer + ".weight", Init.uniform(random, inputSize(layer), outputSize(layer),
                    inputSize(layer)));
            arrays.put("layer" + layer + ".bias", Init.uniform(random, inputSize(layer), outputSize(layer)));
        }
        return Parameters.of(arrays);
    }

    /** Accepts states of {@code features} values: channels × space must equal {@code features}. */
    @Override
    public void checkState(long[] stateShape) {
        StateRules.features(features, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SDVariable x = layers(context, state.reshape(-1, features), prefix -> context.parameter(prefix + ".bias"));
        return context.graph().reshape(x, state.shape());
    }

    /**
     * The layers on rows {@code x} of {@code [.., in]}, a batched product where {@code x} and the
     * weights carry a leading member axis; {@code bias} gives the bias of layer {@code <prefix>}
     * shaped to broadcast against the product.
     */
    private SDVariable layers(StepContext context, SDVariable x,
                              Function<String, SDVariable> bias) {
        SameDiff graph = context.graph();
        for (int layer = 0; layer <= depth; layer++) {
            String prefix = "layer" + layer;
            x = graph.mmul(x, context.parameter(prefix + ".weight"), false, true, false).add(bias.apply(prefix));
            if (layer < depth) {
                x = activation.apply(graph, x);
            }
        }
        return x;
    }

    /** All members at once: one batched matrix product per layer, {@code [K, B, in] × [K, in, out]}. */
    @Override
    public SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape) {
        SDVariable x = layers(context, states.reshape(-1, members, features).permute(1, 0, 2),
                prefix -> context.derived(prefix + ".bias.members", () -> context.parameter(prefix + ".bias")
                        .reshape(members, 1, -1)));
        return context.graph().reshape(x.permute(1, 0, 2), states.shape());
    }

    @Override
    public String toString() {
        return "Mlp(" + features + "→" + width + "×" + depth + "→" + features + ", " + activation + ")";
    }
}
