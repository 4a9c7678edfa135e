package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Network;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.RandomArrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every built-in network says whether it accepts a state shape before a graph is built, naming its
 * parameter, the allowed value and the value given; sizes whose parameter count would overflow are
 * refused when the network is made.
 */
class StateShapeCheckTest {

    private static final long[] LINE = {1, 8};
    private static final long[] SQUARE = {1, 8, 8};

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void aKernelTooWideForTheGridNamesKernelSize() {
        assertEquals("kernelSize: must be ≤ 15 (2 × 8 − 1 for the 8 points of the state shape [1, 8]: the padding "
                + "takes at most 7 values from each side), got 16",
                error(() -> new Conv1d(1, 1, 16, false).checkState(LINE)));
        assertEquals("kernelSize: must be ≤ 15 (2 × 8 − 1 for the 8 points along the shortest spatial axis of the "
                + "state shape [1, 8, 16]: the padding takes at most 7 values from each side), got 17",
                error(() -> new ConvNet(2, 1, 4, 1, 17, Activation.RELU, Padding.CIRCULAR)
                        .checkState(new long[] {1, 8, 16})));
        assertEquals("kernelSize: must be ≤ 3 (2 × 2 − 1 for the 2 points of the state shape [1, 2]: the padding "
                + "takes at most 1 values from each side), got 4",
                error(() -> new ResNet(1, 1, 4, 1, 4, Activation.RELU, Padding.ZERO).checkState(new long[] {1, 2})));
    }

    @Test
    void theWidestAcceptedKernelRunsOnEveryPaddingAndPath() {
        INDArray states = RandomArrays.gaussian(3, DataType.DOUBLE, 2, 1, 4);
        for (BoundaryMode boundary : BoundaryMode.values()) {
            Network conv = new Conv1d(1, 1, 7, true, boundary.padding());
            conv.checkState(new long[] {1, 4});
            assertArrayEquals(states.shape(), step(conv, states).shape(), conv.toString());
            for (ConvolutionPath.Choice path : new ConvolutionPath.Choice[] {ConvolutionPath.Choice.MATMUL,
                ConvolutionPath.Choice.NATIVE}) {
                Network net = new ConvNet(new ConvNet.Options(1, 1, 2, 1, 7, Activation.TANH, boundary, path));
                assertArrayEquals(states.shape(), step(net, states).shape(), net + " " + path);
            }
        }
    }

    private static INDArray step(Network network, INDArray states) {
        long[] stateShape = {states.size(1), states.size(2)};
        return LayerValuesTest.ENGINE.compileRollout(network, network.initialParameters(1), stateShape,
                DataType.DOUBLE).step(states);
    }

    @Test
    void anotherNumberOfSpatialAxesNamesSpatialDims() {
        assertEquals("spatialDims: must be 2 (the spatial axes of the state shape [1, 8, 8] = (channels, *space)), "
                + "got 1 (conv1d, conv2d and conv3d convolve over 1, 2 and 3 spatial axes: use conv2d, or "
                + "convnet/resnet with spatialDims 2)", error(() -> new Conv1d(1, 1, 3, false).checkState(SQUARE)));
        assertEquals("spatialDims: must be 1 (the spatial axes of the state shape [1, 8] = (channels, *space)), "
                + "got 2 (conv1d, conv2d and conv3d convolve over 1, 2 and 3 spatial axes: use conv1d, or "
                + "convnet/resnet with spatialDims 1)", error(() -> new Conv2d(1, 1, 3, false).checkState(LINE)));
        assertEquals("spatialDims: must be 0 (the spatial axes of the state shape [3] = (channels, *space)), got 1; "
                + "convolutions take states with 1 to 3 spatial axes",
                error(() -> new Conv1d(1, 1, 3, false).checkState(new long[] {3})));
        assertEquals("spatialDims: must be 2 (the spatial axes of the state shape [1, 8, 8] = (channels, *space)), "
                + "got 1", error(() -> new ConvNet(1, 4, 1, 3, Activation.RELU).checkState(SQUARE)));
        assertEquals("spatialDims: must be 1 (the spatial axes of the state shape [1, 8] = (channels, *space)), "
                + "got 3", error(() -> new ResNet(3, 1, 4, 1, 3, Activation.RELU, Padding.CIRCULAR).checkState(LINE)));
    }

    @Test
    void otherChannelsNameChannels() {
        assertEquals("channels: must be 1 (the channels of the state shape [1, 8]), got 3",
                error(() -> new Conv1d(3, 3, 2, false).checkState(LINE)));
        assertEquals("channels: must be 2 (the channels of the state shape [2, 8, 8]), got 1",
                error(() -> new ConvNet(2, 1, 4, 1, 3, Activation.RELU, Padding.CIRCULAR)
                        .checkState(new long[] {2, 8, 8})));
        assertEquals("outChannels: must be 1 (= inChannels: a stepper's output is its next state), got 2",
                error(() -> new Conv(1, 1, 2, 3, false, Padding.CIRCULAR).checkState(LINE)));
    }

    @Test
    void anMlpSizedForAnotherStateNamesFeatures() {
        new Mlp(8, 4, 1, Activation.RELU).checkState(LINE);
        new Mlp(3, 4, 1, Activation.RELU).checkState(new long[] {3});
        assertEquals("features: must be 8 (channels × space of the state shape [1, 8]), got 3",
                error(() -> new Mlp(3, 4, 1, Activation.RELU).checkState(LINE)));
        assertEquals("features: must be 3 (channels × space of the state shape [3]), got 8",
                error(() -> new Mlp(8, 4, 1, Activation.RELU).checkState(new long[] {3})));
    }

    @Test
    void aParameterCountBeyondOneArrayIsRefusedWhenTheNetworkIsMade() {
        assertEquals("features, width, depth: must give at most 2147483639 parameters (the most one array holds), "
                + "got more than 9223372036854775807 (features = 8, width = 2000000000, depth = 2000000000)",
                error(() -> new Mlp(8, 2_000_000_000, 2_000_000_000, Activation.RELU)));
        assertEquals("features, width, depth: must give at most 2147483639 parameters (the most one array holds), "
                + "got 2500900008 (features = 8, width = 50000, depth = 2)",
                error(() -> new Mlp(8, 50_000, 2, Activation.RELU)));
        assertEquals("channels, kernelSize: must give at most 2147483639 parameters (the most one array holds), got "
                + "1000000000000 (inChannels = 1000, outChannels = 1000, kernelSize = 1000, spatialDims = 2)",
                error(() -> new Conv2d(1000, 1000, 1000, false)));
        assertEquals("width, kernelSize, depth: must give at most 2147483639 parameters (the most one array holds), "
                + "got more than 9223372036854775807 (spatialDims = 1, channels = 1, width = 1073741824, "
                + "kernelSize = 3, depth = 9)", error(() -> new ConvNet(1, 1 << 30, 9, 3, Activation.RELU)));
        assertEquals("width, kernelSize, blocks: must give at most 2147483639 parameters (the most one array holds), "
                + "got 3059145729 (spatialDims = 3, channels = 1, width = 1024, kernelSize = 9, blocks = 2)",
                error(() -> new ResNet(3, 1, 1024, 2, 9, Activation.RELU, Padding.CIRCULAR)));
    }

    @Test
    void pluginErrorsNameTheSpecPath() {
        PluginRegistry registry = PluginRegistry.load();
        assertEquals("spec.network.features, width, depth: must give at most 2147483639 parameters (the most one "
                + "array holds), got more than 9223372036854775807 (features = 8, width = 2000000000, depth = "
                + "2000000000)", error(() -> registry.create(PluginKind.NETWORK, "mlp",
                Map.of("features", 8, "width", 2_000_000_000, "depth", 2_000_000_000), "spec.network")));
        assertEquals("spec.network.kernelSize: must be integer ≥ 1 and within the 32-bit integer range "
                + "[-2147483648, 2147483647], got 3000000000", error(() -> registry.create(PluginKind.NETWORK,
                "conv1d", Map.of("kernelSize", 3_000_000_000L), "spec.network")));
    }

    @Test
    void theEngineRefusesAMismatchBeforeCompilingARollout() {
        Network conv = new Conv1d(1, 1, 16, false);
        assertEquals("kernelSize: must be ≤ 15 (2 × 8 − 1 for the 8 points of the state shape [1, 8]: the padding "
                + "takes at most 7 values from each side), got 16", error(() -> LayerValuesTest.ENGINE
                .compileRollout(conv, conv.initialParameters(0), LINE, DataType.FLOAT)));
    }
}
