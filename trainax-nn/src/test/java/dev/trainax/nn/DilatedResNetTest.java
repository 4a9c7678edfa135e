package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.RandomArrays;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@code dilated-resnet} network: hand values of a dilated convolution, its parameter count and its errors. */
class DilatedResNetTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    private static INDArray array(long[] shape, double... values) {
        return Nd4j.createFromArray(values).reshape(shape);
    }

    /**
     * One block of one dilated convolution (dilation 2, kernel {@code taps}) between identity 1×1
     * lift and projection, no norm, identity activation: {@code x + conv(x)}.
     */
    private static INDArray oneDilatedBlock(Padding padding, INDArray x, double... taps) {
        Network network = new DilatedResNet(1, 1, 1, 1, 3, new int[] {2}, Activation.IDENTITY, padding, false);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("lift.weight", array(new long[] {1, 1, 1}, 1));
        arrays.put("lift.bias", array(new long[] {1}, 0));
        arrays.put("block0.conv0.weight", array(new long[] {1, 1, 3}, taps));
        arrays.put("block0.conv0.bias", array(new long[] {1}, 0));
        arrays.put("project.weight", array(new long[] {1, 1, 1}, 1));
        arrays.put("project.bias", array(new long[] {1}, 0));
        assertEquals(network.initialParameters(0).asMap().keySet(), arrays.keySet());
        return LayerValuesTest.output(network, Parameters.of(arrays), x);
    }

    @Test
    void aDilatedConvolutionReadsTapsDilationApartAndWrapsAround() {
        INDArray x = array(new long[] {1, 1, 5}, 1, 2, 3, 4, 5);
        // taps [1, 0, 0] with dilation 2 read x[n − 2]: circularly [4, 5, 1, 2, 3]; plus the skip x
        assertArrayEquals(new double[] {5, 7, 4, 6, 8},
                oneDilatedBlock(Padding.CIRCULAR, x, 1, 0, 0).data().asDouble(), 1e-12);
        // zero padding: [0, 0, 1, 2, 3] + x
        assertArrayEquals(new double[] {1, 2, 4, 6, 8},
                oneDilatedBlock(Padding.ZERO, x, 1, 0, 0).data().asDouble(), 1e-12);
        // y[n] = x[n − 2] + 10 x[n] + 100 x[n + 2], circular, plus x
        assertArrayEquals(new double[] {315, 427, 534, 146, 258},
                oneDilatedBlock(Padding.CIRCULAR, x, 1, 10, 100).data().asDouble(), 1e-12);
        // reflect: x[−2] = x[2] = 3, x[−1] = x[1] = 2, x[5] = x[3] = 4, x[6] = x[2] = 3
        assertArrayEquals(new double[] {3 + 10 + 300 + 1, 2 + 20 + 400 + 2, 1 + 30 + 500 + 3, 2 + 40 + 400 + 4,
            3 + 50 + 300 + 5}, oneDilatedBlock(Padding.REFLECT, x, 1, 10, 100).data().asDouble(), 1e-12);
    }

    @Test
    void pdequinoxDefaultsGiveTheHandCountedParameters() {
        // (C·H + H) + B·R·(H²·k^D + H + 2H) + (H·C + C) with C = 1, H = 32, B = 2, R = 7, k = 3
        Network oneD = REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of(), "spec.network");
        assertEquals(64 + 14 * (32 * 32 * 3 + 32 + 64) + 33, count(oneD));
        assertEquals(44_449, count(oneD));
        Network twoD = REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of("spatialDims", 2),
                "spec.network");
        assertEquals(130_465, count(twoD));
        // without norm, 2 channels, 1 block of 3 rates: (2·4 + 4) + 3·(16·3 + 4) + (4·2 + 2) = 178
        Network small = REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of("channels", 2, "width", 4,
                "blocks", 1, "dilations", List.of(1, 2, 1), "norm", false), "spec.network");
        assertEquals(178, count(small));
        assertEquals(178, DilatedResNet.parameterCount(1, 2, 4, 1, 3, 3, false));
    }

    private static long count(Network network) {
        return network.initialParameters(0).asMap().values().stream().mapToLong(INDArray::length).sum();
    }

    @Test
    void runsIn3d() {
        Network network = new DilatedResNet(3, 1, 2, 1, 3, new int[] {1, 2}, Activation.RELU, Padding.CIRCULAR,
                true);
        network.checkState(new long[] {1, 3, 3, 3});
        INDArray states = RandomArrays.gaussian(3, DataType.DOUBLE, 2, 1, 3, 3, 3);
        assertArrayEquals(states.shape(), LayerValuesTest.output(network, network.initialParameters(1), states).shape());
    }

    @Test
    void aDilationReachingBeyondTheGridNamesKernelSizeAndDilations() {
        Network network = new DilatedResNet(1, 1, 4, 2, 3, DilatedResNet.DEFAULT_DILATIONS, Activation.RELU,
                Padding.CIRCULAR, true);
        network.checkState(new long[] {1, 9});
        assertEquals("kernelSize, dilations: the widest dilated convolution (dilation 8, kernelSize 3) reads 8 points "
                + "beyond each side, must be ≤ 7 (the 8 points of the state shape [1, 8] less one: the padding takes "
                + "its values from the state itself)", error(() -> network.checkState(new long[] {1, 8})));
        Network square = new DilatedResNet(2, 1, 4, 1, 5, new int[] {1, 2}, Activation.RELU, Padding.REFLECT, true);
        assertEquals("kernelSize, dilations: the widest dilated convolution (dilation 2, kernelSize 5) reads 4 points "
                + "beyond each side, must be ≤ 3 (the 4 points along the shortest spatial axis of the state shape "
                + "[1, 4, 16] less one: the padding takes its values from the state itself)",
                error(() -> square.checkState(new long[] {1, 4, 16})));
        assertEquals("channels: must be 2 (the channels of the state shape [2, 16]), got 1",
                error(() -> network.checkState(new long[] {2, 16})));
        assertEquals("spatialDims: must be 2 (the spatial axes of the state shape [1, 16, 16] = (channels, *space)), "
                + "got 1", error(() -> network.checkState(new long[] {1, 16, 16})));
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("spec.network.dilations: must be integers ≥ 1, got 0.0 at index 1 of [1.0, 0.0]",
                error(() -> REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of("dilations", List.of(1, 0)),
                        "spec.network")));
        assertEquals("spec.network.dilations: must be integers ≥ 1, got 1.5 at index 0 of [1.5]",
                error(() -> REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of("dilations", List.of(1.5)),
                        "spec.network")));
        assertEquals("spec.network.dilations: must name at least one dilation rate, got []",
                error(() -> REGISTRY.create(PluginKind.NETWORK, "dilated-resnet", Map.of("dilations", List.of()),
                        "spec.network")));
        assertEquals("spec.network.blocks: must be integer ≥ 0, got -1", error(() -> REGISTRY.create(PluginKind.NETWORK, "dilated-resnet",
                Map.of("blocks", -1), "spec.network")));
        assertEquals("spec.network.kernelSize: must be integer ≥ 1, got 0", error(() -> REGISTRY.create(PluginKind.NETWORK, "dilated-resnet",
                Map.of("kernelSize", 0), "spec.network")));
        assertEquals("width, blocks, kernelSize, dilations: must give at most 2147483639 parameters (the most one "
                + "array holds), got 10701812737 (spatialDims = 3, channels = 1, width = 1024, blocks = 2, kernelSize = 9, "
                + "7 dilation rates)", error(() -> new DilatedResNet(3, 1, 1024, 2, 9, DilatedResNet.DEFAULT_DILATIONS,
                Activation.RELU, Padding.CIRCULAR, true)));
    }
}
