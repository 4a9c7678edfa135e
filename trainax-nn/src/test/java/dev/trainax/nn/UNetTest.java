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
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code unet} network: its down- and up-sampling against hand values and against pdequinox's
 * transposed convolution written out literally, its parameter count at pdequinox's defaults and its
 * state rules.
 */
class UNetTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** A kernel {@code [out, in, 3, …]} with the centre tap 1 from input {@code i} to output {@code o} for each pair. */
    private static INDArray centre(int spatialDims, int out, int in, int... pairs) {
        long[] shape = new long[2 + spatialDims];
        Arrays.fill(shape, 3);
        shape[0] = out;
        shape[1] = in;
        INDArray kernel = Nd4j.zeros(DataType.DOUBLE, shape);
        for (int p = 0; p < pairs.length; p += 2) {
            long[] index = new long[2 + spatialDims];
            Arrays.fill(index, 1);
            index[0] = pairs[p];
            index[1] = pairs[p + 1];
            kernel.putScalar(index, 1);
        }
        return kernel;
    }

    /**
     * One-level UNet of width 1 (no norm, identity σ) that passes the state through every
     * convolution unchanged except the up-sampling {@code upKernel}: {@code x + up(x[::2])}.
     */
    private static Parameters passThrough(int spatialDims, INDArray upKernel) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> entry : new UNet(spatialDims, 1, 1, 1, Activation.IDENTITY,
                Padding.CIRCULAR, false).initialParameters(0).asMap().entrySet()) {
            arrays.put(entry.getKey(), Nd4j.zeros(DataType.DOUBLE, entry.getValue().shape()));
        }
        arrays.put("lift.conv1.weight", centre(spatialDims, 1, 1, 0, 0));
        arrays.put("lift.conv2.weight", centre(spatialDims, 1, 1, 0, 0));
        arrays.put("down0.weight", centre(spatialDims, 1, 1, 0, 0));
        arrays.put("left0.conv1.weight", centre(spatialDims, 2, 1, 0, 0));
        arrays.put("left0.conv2.weight", centre(spatialDims, 2, 2, 0, 0));
        INDArray up = Nd4j.zeros(DataType.DOUBLE, centre(spatialDims, 1, 2).shape());
        up.slice(0).slice(0).assign(upKernel);
        arrays.put("up0.weight", up);
        // the skip (channel 0) plus the up-sampled state (channel 1)
        arrays.put("right0.conv1.weight", centre(spatialDims, 1, 2, 0, 0, 0, 1));
        arrays.put("right0.conv2.weight", centre(spatialDims, 1, 1, 0, 0));
        long[] project = new long[2 + spatialDims];
        Arrays.fill(project, 1);
        arrays.put("project.weight", Nd4j.ones(DataType.DOUBLE, project));
        return Parameters.of(arrays);
    }

    @ParameterizedTest
    @EnumSource(BoundaryMode.class)
    void stridedDownAndTransposedUpSamplingMatchHandValues(BoundaryMode boundary) {
        Network network = new UNet(1, 1, 1, 1, Activation.IDENTITY, boundary.padding(), false);
        INDArray x = Nd4j.createFromArray(1.0, 2, 3, 4, 5, 6, 7, 8).reshape(1, 1, 8);
        // down: d = x[::2] = [1, 3, 5, 7]; up with taps [1, 10, 100]: u[2m] = 10 d[m],
        // u[2m + 1] = d[m] + 100 d[m + 1], d[4] the boundary's: periodic d[0] = 1, dirichlet 0, neumann d[2] = 5
        double beyond = switch (boundary) {
            case PERIODIC -> 1;
            case DIRICHLET -> 0;
            case NEUMANN -> 5;
        };
        double[] expected = {1 + 10, 2 + 1 + 300, 3 + 30, 4 + 3 + 500, 5 + 50, 6 + 5 + 700, 7 + 70,
            8 + 7 + 100 * beyond};
        INDArray y = Networks.step(network, passThrough(1, Nd4j.createFromArray(1.0, 10, 100)), x);
        assertArrayEquals(expected, y.data().asDouble(), 1e-12);
    }

    /**
     * pdequinox's {@code MorePaddingConvTranspose} for kernel 3, stride 2, output padding 1, written
     * out on a 2D grid {@code d}: pad one point per side with the boundary, dilate by 2, drop the
     * first point and correlate with {@code w} (VALID).
     */
    private static double[][] pdequinoxUpSampling(double[][] d, double[][] w, BoundaryMode boundary) {
        int m = d.length;
        IntUnaryOperator source = i -> switch (boundary) {
            case PERIODIC -> Math.floorMod(i, m);
            case DIRICHLET -> i < 0 || i >= m ? -1 : i;
            case NEUMANN -> i < 0 ? -i : i >= m ? 2 * (m - 1) - i : i;
        };
        int dilated = 2 * (m + 2) - 1;
        double[][] z = new double[dilated - 1][dilated - 1];
        for (int p = 0; p < m + 2; p++) {
            for (int q = 0; q < m + 2; q++) {
                int i = source.applyAsInt(p - 1);
                int j = source.applyAsInt(q - 1);
                double value = i < 0 || j < 0 ? 0 : d[i][j];
                // dilated index 2p, shifted by the padding of −1
                if (2 * p - 1 >= 0 && 2 * q - 1 >= 0) {
                    z[2 * p - 1][2 * q - 1] = value;
                }
            }
        }
        double[][] y = new double[2 * m][2 * m];
        for (int a = 0; a < 2 * m; a++) {
            for (int b = 0; b < 2 * m; b++) {
                for (int s = 0; s < 3; s++) {
                    for (int t = 0; t < 3; t++) {
                        y[a][b] += w[s][t] * z[a + s][b + t];
                    }
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(BoundaryMode.class)
    void twoDimensionalUpSamplingIsPdequinoxsTransposedConvolution(BoundaryMode boundary) {
        Network network = new UNet(2, 1, 1, 1, Activation.IDENTITY, boundary.padding(), false);
        INDArray x = RandomArrays.gaussian(4, DataType.DOUBLE, 1, 1, 6, 6);
        double[][] w = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        INDArray y = Networks.step(network, passThrough(2, Nd4j.createFromArray(w)), x);
        double[][] d = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                d[i][j] = x.getDouble(0, 0, 2 * i, 2 * j);
            }
        }
        double[][] up = pdequinoxUpSampling(d, w, boundary);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(x.getDouble(0, 0, i, j) + up[i][j], y.getDouble(0, 0, i, j), 1e-12,
                        boundary + " at " + i + ", " + j);
            }
        }
    }

    @Test
    void pdequinoxDefaultsGiveTheHandCountedParameters() {
        // dc(i, o) = i·o·K + o + o²·K + o + 4o (two convolutions of kernel 3 with bias, two group norms), K = 3^D;
        // per level f = 16, 32, 64, 128: down f²K + f, left dc(f, 2f), up 2f·f·K + f, right dc(2f, f);
        // lift dc(1, 16), projection 16 + 1
        for (int spatialDims = 1; spatialDims <= 2; spatialDims++) {
            long k = (long) Math.pow(3, spatialDims);
            long expected = doubleConvolution(1, 16, k) + 17;
            for (long f = 16; f <= 128; f *= 2) {
                expected += f * f * k + f + doubleConvolution(f, 2 * f, k) + 2 * f * f * k + f
                        + doubleConvolution(2 * f, f, k);
            }
            Network network = REGISTRY.create(PluginKind.NETWORK, "unet", Map.of("spatialDims", spatialDims),
                    "spec.network");
            assertEquals(expected, Networks.parameterCount(network));
            assertEquals(spatialDims == 1 ? 789_089 : 2_357_441, Networks.parameterCount(network));
            assertEquals(expected, UNet.parameterCount(spatialDims, 1, 16, 4, true));
        }
        // without norm, 2 channels, width 2, 1 level, 1D: dc(2, 2) = 12 + 2 + 12 + 2, down 12 + 2,
        // dc(2, 4) = 24 + 4 + 48 + 4, up 24 + 2, dc(4, 2) = 24 + 2 + 12 + 2, projection 4 + 2
        Network small = REGISTRY.create(PluginKind.NETWORK, "unet", Map.of("channels", 2, "width", 2, "levels", 1,
                "norm", false), "spec.network");
        assertEquals(28 + 14 + 80 + 26 + 40 + 6, Networks.parameterCount(small));
    }

    private static long doubleConvolution(long in, long out, long k) {
        return in * out * k + out + out * out * k + out + 4 * out;
    }

    @Test
    void runsIn3d() {
        Network network = new UNet(3, 1, 1, 1, Activation.RELU, Padding.REFLECT, true);
        network.checkState(new long[] {1, 4, 4, 4});
        INDArray states = RandomArrays.gaussian(3, DataType.DOUBLE, 2, 1, 4, 4, 4);
        assertArrayEquals(states.shape(), Networks.step(network, network.initialParameters(1), states).shape());
    }

    @Test
    void theGridMustHalveIntoAtLeastTwoPointsPerLevel() {
        Network network = REGISTRY.create(PluginKind.NETWORK, "unet", Map.of("spatialDims", 2), "spec.network");
        network.checkState(new long[] {1, 32, 64});
        assertEquals("levels: must leave at least 2 points per spatial axis at the coarsest level, each axis a "
                + "multiple of 2^levels = 16 points and at least 32, got 4 levels for the state shape [1, 16, 64]",
                assertThrows(IllegalArgumentException.class, () -> network.checkState(new long[] {1, 16, 64}))
                        .getMessage());
        assertEquals("levels: must leave at least 2 points per spatial axis at the coarsest level, each axis a "
                + "multiple of 2^levels = 16 points and at least 32, got 4 levels for the state shape [1, 40, 64]",
                assertThrows(IllegalArgumentException.class, () -> network.checkState(new long[] {1, 40, 64}))
                        .getMessage());
        assertEquals("spec.network.levels: must be integer in [0, 20], got 21", assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create(PluginKind.NETWORK, "unet", Map.of("levels", 21), "spec.network")).getMessage());
    }
}
