package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.RandomArrays;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@code modern-resnet} network: the pre-activation order, its parameter count at pdequinox's defaults, 2D. */
class ModernResNetTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static INDArray array(long[] shape, double... values) {
        return Nd4j.createFromArray(values).reshape(shape);
    }

    @Test
    void aBlockActivatesBeforeEachConvolution() {
        Network network = new ModernResNet(1, 1, 1, 1, 3, Activation.RELU, Padding.CIRCULAR, false);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("lift.weight", array(new long[] {1, 1, 1}, 1));
        arrays.put("lift.bias", array(new long[] {1}, 0));
        // conv₁ shifts right by one (y[n] = x[n − 1]), conv₂ is the identity plus 0.5
        arrays.put("block0.conv1.weight", array(new long[] {1, 1, 3}, 1, 0, 0));
        arrays.put("block0.conv1.bias", array(new long[] {1}, -1));
        arrays.put("block0.conv2.weight", array(new long[] {1, 1, 3}, 0, 1, 0));
        arrays.put("block0.conv2.bias", array(new long[] {1}, 0.5));
        arrays.put("project.weight", array(new long[] {1, 1, 1}, 1));
        arrays.put("project.bias", array(new long[] {1}, 0));
        assertEquals(network.initialParameters(0).asMap().keySet(), arrays.keySet());
        INDArray x = array(new long[] {1, 1, 4}, -1, 2, -3, 4);
        // y = x + conv₂(relu(conv₁(relu(x)))): relu(x) = [0, 2, 0, 4], conv₁ = [4, 0, 2, 0] − 1 = [3, −1, 1, −1],
        // relu = [3, 0, 1, 0], conv₂ = [3.5, 0.5, 1.5, 0.5]
        assertArrayEquals(new double[] {2.5, 2.5, -1.5, 4.5},
                Networks.step(network, Parameters.of(arrays), x).data().asDouble(), 1e-12);
    }

    @Test
    void pdequinoxDefaultsGiveTheHandCountedParameters() {
        // lift C·H + H, 6 blocks of 2 norms (2H each) and 2 convolutions (H²·k^D + H), projection H·C + C;
        // C = 1, H = 32, k = 3
        Network oneD = REGISTRY.create(PluginKind.NETWORK, "modern-resnet", Map.of(), "spec.network");
        assertEquals(64 + 6 * (2 * 64 + 2 * (32 * 32 * 3 + 32)) + 33, Networks.parameterCount(oneD));
        assertEquals(38_113, Networks.parameterCount(oneD));
        Network twoD = REGISTRY.create(PluginKind.NETWORK, "modern-resnet", Map.of("spatialDims", 2),
                "spec.network");
        assertEquals(64 + 6 * (2 * 64 + 2 * (32 * 32 * 9 + 32)) + 33, Networks.parameterCount(twoD));
        assertEquals(111_841, Networks.parameterCount(twoD));
        assertEquals(111_841, ModernResNet.parameterCount(2, 1, 32, 6, 3, true));
        // without norm, 2 channels, width 3, 1 block of kernel 5: (2·3 + 3) + 2·(9·5 + 3) + (3·2 + 2) = 113
        Network small = REGISTRY.create(PluginKind.NETWORK, "modern-resnet", Map.of("channels", 2, "width", 3,
                "blocks", 1, "kernelSize", 5, "norm", false), "spec.network");
        assertEquals(113, Networks.parameterCount(small));
    }

    @Test
    void runsIn2dAnd3d() {
        for (int spatialDims = 2; spatialDims <= 3; spatialDims++) {
            Network network = new ModernResNet(spatialDims, 1, 2, 1, 3, Activation.RELU, Padding.REFLECT, true);
            long[] shape = new long[2 + spatialDims];
            Arrays.fill(shape, 3);
            shape[0] = 2;
            shape[1] = 1;
            network.checkState(Arrays.copyOfRange(shape, 1, shape.length));
            INDArray states = RandomArrays.gaussian(3, DataType.DOUBLE, shape);
            assertArrayEquals(shape, Networks.step(network, network.initialParameters(1), states).shape());
        }
    }
}
