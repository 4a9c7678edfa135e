package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Network;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.RandomArrays;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code boundaryMode} parameter: the values each mode pads with, on tiny arrays, and the
 * convolutional networks' outputs under it equal to their outputs with the padding it names
 * (periodic, the default, being the circular padding they had before).
 */
class BoundaryModeTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** {@code values} {@code (1, 1, *shape)} padded by one point before and two after every spatial axis. */
    private static INDArray padded(BoundaryMode mode, INDArray values) {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.constant("x", values);
        SDVariable out = x;
        for (int axis = 2; axis < values.rank(); axis++) {
            out = mode.padding().pad(graph, out, axis, 1, 2);
        }
        return graph.outputSingle(Map.of(), out.name());
    }

    @Test
    void eachModePadsWithItsBoundaryValues() {
        INDArray line = Nd4j.createFromArray(1.0, 2, 3, 4).reshape(1, 1, 4);
        assertArrayEquals(new double[] {4, 1, 2, 3, 4, 1, 2}, padded(BoundaryMode.PERIODIC, line).data().asDouble());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 0, 0}, padded(BoundaryMode.DIRICHLET, line).data().asDouble());
        // mirrored about the edge point, which is not repeated (jnp.pad mode "reflect")
        assertArrayEquals(new double[] {2, 1, 2, 3, 4, 3, 2}, padded(BoundaryMode.NEUMANN, line).data().asDouble());

        INDArray square = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).reshape(1, 1, 3, 3);
        assertArrayEquals(new double[][] {{9, 7, 8, 9, 7, 8}, {3, 1, 2, 3, 1, 2}, {6, 4, 5, 6, 4, 5},
            {9, 7, 8, 9, 7, 8}, {3, 1, 2, 3, 1, 2}, {6, 4, 5, 6, 4, 5}},
                padded(BoundaryMode.PERIODIC, square).reshape(6, 6).toDoubleMatrix());
        assertArrayEquals(new double[][] {{0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 0, 0}, {0, 4, 5, 6, 0, 0},
            {0, 7, 8, 9, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}},
                padded(BoundaryMode.DIRICHLET, square).reshape(6, 6).toDoubleMatrix());
        assertArrayEquals(new double[][] {{5, 4, 5, 6, 5, 4}, {2, 1, 2, 3, 2, 1}, {5, 4, 5, 6, 5, 4},
            {8, 7, 8, 9, 8, 7}, {5, 4, 5, 6, 5, 4}, {2, 1, 2, 3, 2, 1}},
                padded(BoundaryMode.NEUMANN, square).reshape(6, 6).toDoubleMatrix());
    }

    /** The network {@code id} from the spec {@code options}, with {@code boundaryMode} if not null. */
    private static Network fromSpec(String id, Map<String, Object> options, BoundaryMode mode) {
        Map<String, Object> spec = new HashMap<>(options);
        if (mode != null) {
            spec.put("boundaryMode", mode.name().toLowerCase(Locale.ROOT));
        }
        return REGISTRY.create(PluginKind.NETWORK, id, spec, "spec.network");
    }

    private static double[] step(Network network, INDArray states) {
        long[] stateShape = Arrays.copyOfRange(states.shape(), 1, states.rank());
        return LayerValuesTest.ENGINE.compileRollout(network, network.initialParameters(7).copy(DataType.DOUBLE),
                stateShape, DataType.DOUBLE).step(states).data().asDouble();
    }

    @Test
    void networksFromSpecsPadAsTheirBoundaryModeSaysAndDefaultToPeriodic() {
        INDArray line = RandomArrays.gaussian(5, DataType.DOUBLE, 2, 1, 8);
        INDArray square = RandomArrays.gaussian(6, DataType.DOUBLE, 2, 1, 8, 8);
        for (BoundaryMode mode : BoundaryMode.values()) {
            Padding padding = mode.padding();
            assertArrayEquals(step(new Conv1d(1, 1, 3, true, padding), line), step(fromSpec("conv1d",
                    Map.of("kernelSize", 3, "useBias", true), mode), line), mode.toString());
            assertArrayEquals(step(new Conv2d(1, 1, 3, true, padding), square), step(fromSpec("conv2d",
                    Map.of("useBias", true), mode), square), mode.toString());
            assertArrayEquals(step(new ConvNet(1, 32, 9, 3, Activation.RELU, padding), line),
                    step(fromSpec("convnet", Map.of(), mode), line), mode.toString());
            assertArrayEquals(step(new ResNet(2, 1, 4, 2, 3, Activation.RELU, padding), square),
                    step(fromSpec("resnet", Map.of("spatialDims", 2, "width", 4, "blocks", 2), mode), square),
                    mode.toString());
            assertArrayEquals(step(new DilatedResNet(1, 1, 4, 1, 3, new int[] {1, 2}, Activation.RELU, padding,
                    true), line), step(fromSpec("dilated-resnet", Map.of("width", 4, "blocks", 1,
                    "dilations", List.of(1, 2)), mode), line), mode.toString());
            assertArrayEquals(step(new ModernResNet(2, 1, 4, 1, 3, Activation.RELU, padding, true), square),
                    step(fromSpec("modern-resnet", Map.of("spatialDims", 2, "width", 4, "blocks", 1), mode), square),
                    mode.toString());
            assertArrayEquals(step(new UNet(1, 1, 2, 2, Activation.RELU, padding, true), line),
                    step(fromSpec("unet", Map.of("width", 2, "levels", 2), mode), line), mode.toString());
        }
        for (String id : new String[] {"conv1d", "conv2d", "conv3d", "convnet", "resnet", "dilated-resnet",
            "modern-resnet", "unet"}) {
            assertEquals("periodic", REGISTRY.provider(PluginKind.NETWORK, id).parameters().stream()
                    .filter(p -> p.name().equals("boundaryMode")).findFirst().orElseThrow().defaultValue(), id);
        }
        assertArrayEquals(step(new ConvNet(1, 32, 9, 3, Activation.RELU, Padding.CIRCULAR), line),
                step(fromSpec("convnet", Map.of(), null), line));
    }

    @Test
    void anUnknownBoundaryModeListsTheModes() {
        assertEquals("spec.network.boundaryMode: must be one of [periodic, dirichlet, neumann], got 'circular'",
                assertThrows(IllegalArgumentException.class, () -> REGISTRY.create(PluginKind.NETWORK, "unet",
                        Map.of("boundaryMode", "circular"), "spec.network")).getMessage());
    }
}
