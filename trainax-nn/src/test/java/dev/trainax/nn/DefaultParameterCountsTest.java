package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parameter counts of README's network table: every convolutional plugin at its defaults, one channel, 1D and 2D. */
class DefaultParameterCountsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static long count(String id, Map<String, Object> options) {
        return Networks.parameterCount(REGISTRY.create(PluginKind.NETWORK, id, options, "spec.network"));
    }

    // convnet: lift 1·32·k^D + 32, 9 hidden 32·32·k^D + 32, projection 32·k^D + 1;
    // resnet: the same with 8 hidden convolutions (4 blocks of 2); unet, modern-resnet and dilated-resnet
    // are derived in their own tests
    @ParameterizedTest
    @CsvSource({"convnet, 28161, 83841", "resnet, 25057, 74593", "dilated-resnet, 44449, 130465",
        "modern-resnet, 38113, 111841", "unet, 789089, 2357441"})
    void stackedNetworks(String id, long oneD, long twoD) {
        assertEquals(oneD, count(id, Map.of()));
        assertEquals(twoD, count(id, Map.of("spatialDims", 2)));
        long k1 = 3;
        long k2 = 9;
        if (id.equals("convnet")) {
            assertEquals(32 * k1 + 32 + 9 * (1024 * k1 + 32) + 32 * k1 + 1, oneD);
            assertEquals(32 * k2 + 32 + 9 * (1024 * k2 + 32) + 32 * k2 + 1, twoD);
        } else if (id.equals("resnet")) {
            assertEquals(32 * k1 + 32 + 8 * (1024 * k1 + 32) + 32 * k1 + 1, oneD);
            assertEquals(32 * k2 + 32 + 8 * (1024 * k2 + 32) + 32 * k2 + 1, twoD);
        }
    }

    @ParameterizedTest
    @CsvSource({"conv1d, 2", "conv2d, 9", "conv3d, 27"})
    void singleConvolutions(String id, long count) {
        assertEquals(count, count(id, Map.of()));
    }
}
