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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code fno} network: its spectral convolution against a direct DFT, hand values, its
 * parameter count at pdequinox's defaults, its behaviour across resolutions and its errors.
 */
class FnoTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    /**
     * One block whose 1×1 lift and projection are identities and whose bypass is zero, identity
     * activation: the network is its spectral convolution with weights {@code real}, {@code imag}.
     */
    private static INDArray spectralOnly(int spatialDims, int width, int modes, INDArray real, INDArray imag,
                                         INDArray states) {
        Network network = new Fno(spatialDims, width, width, modes, 1, Activation.IDENTITY);
        Map<String, INDArray> arrays = new HashMap<>(network.initialParameters(0).copy(DataType.DOUBLE).asMap());
        long[] pointwise = spatialDims == 1 ? new long[] {width, width, 1} : new long[] {width, width, 1, 1};
        arrays.put("lift.weight", Nd4j.eye(width).castTo(DataType.DOUBLE).reshape(pointwise));
        arrays.put("project.weight", Nd4j.eye(width).castTo(DataType.DOUBLE).reshape(pointwise));
        arrays.put("block0.bypass.weight", Nd4j.zeros(DataType.DOUBLE, pointwise));
        for (String bias : new String[] {"lift.bias", "project.bias", "block0.bypass.bias"}) {
            arrays.put(bias, Nd4j.zeros(DataType.DOUBLE, width));
        }
        arrays.put("block0.spectral.real", real);
        arrays.put("block0.spectral.imag", imag);
        return Networks.step(network, Parameters.of(arrays), states);
    }

    @Test
    void oneModeWeightsActOnTheirModeAlone() {
        int n = 8;
        double[] cos = new double[n];
        double[] ramp = new double[n];
        double[] minusSin = new double[n];
        for (int j = 0; j < n; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / n);
            ramp[j] = j + 1;
            minusSin[j] = -Math.sin(2 * Math.PI * j / n);
        }
        INDArray one = Nd4j.createFromArray(1.0).reshape(1, 1, 1, 1);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1, 1, 1);
        // the mean mode alone, weight 1: every point the mean 4.5
        double[] mean = spectralOnly(1, 1, 1, one, zero, Nd4j.createFromArray(ramp).reshape(1, 1, n)).data().asDouble();
        assertArrayEquals(new double[] {4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5}, mean, 1e-12);
        INDArray firstMode = Nd4j.createFromArray(0.0, 1.0).reshape(1, 1, 1, 2);
        INDArray none = Nd4j.zeros(DataType.DOUBLE, 1, 1, 1, 2);
        INDArray wave = Nd4j.createFromArray(cos).reshape(1, 1, n);
        // weight 1 on mode 1 keeps cos(2πj/N); weight i turns it into cos(2πj/N + π/2) = −sin(2πj/N)
        assertArrayEquals(cos, spectralOnly(1, 1, 2, firstMode, none, wave).data().asDouble(), 1e-12);
        assertArrayEquals(minusSin, spectralOnly(1, 1, 2, none, firstMode, wave).data().asDouble(), 1e-12);
    }

    @Test
    void spectralConvolution1dEqualsADirectDft() {
        int width = 2;
        int modes = 2;
        int n = 5;
        INDArray real = RandomArrays.gaussian(1, DataType.DOUBLE, 1, width, width, modes);
        INDArray imag = RandomArrays.gaussian(2, DataType.DOUBLE, 1, width, width, modes);
        INDArray x = RandomArrays.gaussian(3, DataType.DOUBLE, 2, width, n);
        INDArray y = spectralOnly(1, width, modes, real, imag, x);
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < width; o++) {
                for (int j = 0; j < n; j++) {
                    // y_j = Σ_k c_k/N Re(Σ_i W[o, i, k] X_i[k] e^{2πikj/N}), X_i[k] = Σ_l x_i[l] e^{−2πikl/N}
                    double sum = 0;
                    for (int k = 0; k < modes; k++) {
                        double re = 0;
                        double im = 0;
                        for (int i = 0; i < width; i++) {
                            double xr = 0;
                            double xi = 0;
                            for (int l = 0; l < n; l++) {
                                xr += x.getDouble(b, i, l) * Math.cos(2 * Math.PI * k * l / n);
                                xi -= x.getDouble(b, i, l) * Math.sin(2 * Math.PI * k * l / n);
                            }
                            double wr = real.getDouble(0, o, i, k);
                            double wi = imag.getDouble(0, o, i, k);
                            re += wr * xr - wi * xi;
                            im += wr * xi + wi * xr;
                        }
                        double angle = 2 * Math.PI * k * j / n;
                        sum += (k == 0 ? 1 : 2) * (re * Math.cos(angle) - im * Math.sin(angle)) / n;
                    }
                    assertEquals(sum, y.getDouble(b, o, j), 1e-12, "sample " + b + ", channel " + o + ", point " + j);
                }
            }
        }
    }

    @Test
    void spectralConvolution2dEqualsADirectDftOverBothSignsOfTheFirstAxis() {
        int width = 2;
        int modes = 2;
        int n0 = 4;
        int n1 = 5;
        INDArray real = RandomArrays.gaussian(4, DataType.DOUBLE, 2, width, width, modes, modes);
        INDArray imag = RandomArrays.gaussian(5, DataType.DOUBLE, 2, width, width, modes, modes);
        INDArray x = RandomArrays.gaussian(6, DataType.DOUBLE, 2, width, n0, n1);
        INDArray y = spectralOnly(2, width, modes, real, imag, x);
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < width; o++) {
                for (int j0 = 0; j0 < n0; j0++) {
                    for (int j1 = 0; j1 < n1; j1++) {
                        assertEquals(direct2d(x, real, imag, b, o, j0, j1, modes), y.getDouble(b, o, j0, j1), 1e-12,
                                "sample " + b + ", channel " + o + ", point (" + j0 + ", " + j1 + ")");
                    }
                }
            }
        }
    }

    /**
     * {@code irfftn} of the weighted spectrum at one point: the kept modes are
     * {@code k0 ∈ {0, 1, −2, −1}} (weight halves g = 0, 1) and {@code k1 ∈ {0, 1}};
     * {@code y = 1/(N0·N1) Σ c_{k1} Re(Y[k0, k1] e^{2πi(k0 j0/N0 + k1 j1/N1)})} with
     * {@code c_0 = 1, c_1 = 2} for the conjugate modes the half spectrum leaves out.
     */
    private static double direct2d(INDArray x, INDArray real, INDArray imag, int b, int o, int j0, int j1,
                                   int modes) {
        long n0 = x.size(2);
        long n1 = x.size(3);
        double sum = 0;
        for (int g = 0; g < 2; g++) {
            for (int a = 0; a < modes; a++) {
                int k0 = g == 0 ? a : (int) n0 - modes + a;
                for (int k1 = 0; k1 < modes; k1++) {
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < x.size(1); i++) {
                        double xr = 0;
                        double xi = 0;
                        for (int l0 = 0; l0 < n0; l0++) {
                            for (int l1 = 0; l1 < n1; l1++) {
                                double angle = 2 * Math.PI * ((double) k0 * l0 / n0 + (double) k1 * l1 / n1);
                                xr += x.getDouble(b, i, l0, l1) * Math.cos(angle);
                                xi -= x.getDouble(b, i, l0, l1) * Math.sin(angle);
                            }
                        }
                        double wr = real.getDouble(g, o, i, a, k1);
                        double wi = imag.getDouble(g, o, i, a, k1);
                        re += wr * xr - wi * xi;
                        im += wr * xi + wi * xr;
                    }
                    double angle = 2 * Math.PI * ((double) k0 * j0 / n0 + (double) k1 * j1 / n1);
                    sum += (k1 == 0 ? 1 : 2) * (re * Math.cos(angle) - im * Math.sin(angle)) / (n0 * n1);
                }
            }
        }
        return sum;
    }

    @Test
    void geluIsJaxsTanhApproximation() {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.var("x", Nd4j.createFromArray(-2.0, -0.5, 0.3, 1.7));
        SDVariable y = Activation.GELU.apply(graph, x);
        // jax.nn.gelu(x) = x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³))), evaluated in double
        assertArrayEquals(new double[] {-0.04540230591222494, -0.15428599017485606, 0.18537092354275922,
            1.624105895551156}, graph.output(Map.of(), y.name()).get(y.name()).data().asDouble(), 1e-15);
    }

    @Test
    void pdequinoxDefaultsGiveTheHandCountedParameters() {
        // (C·H + H) + B·(2·H²·m^D·2^(D−1) + H² + H) + (H·C + C) with C = 1, H = 32, B = 4, m = 12:
        // lift 32 + 32, per block 2·1024·12 (1D) or 2·1024·144·2 (2D) spectral + 1024 + 32 bypass, projection 32 + 1
        Network oneD = REGISTRY.create(PluginKind.NETWORK, "fno", Map.of(), "spec.network");
        assertEquals(64 + 4 * (2 * 1024 * 12 + 1056) + 33, oneD.initialParameters(0).count());
        assertEquals(102_625, oneD.initialParameters(0).count());
        Network twoD = REGISTRY.create(PluginKind.NETWORK, "fno", Map.of("spatialDims", 2), "spec.network");
        assertEquals(64 + 4 * (2 * 1024 * 144 * 2 + 1056) + 33, twoD.initialParameters(0).count());
        assertEquals(2_363_617, Fno.parameterCount(2, 1, 32, 12, 4));
        assertEquals(oneD.toString(), new Fno(1, 1, 32, 12, 4, Activation.GELU).toString());
    }

    @Test
    void spectralWeightsAreScaledNormalsLikePdequinox() {
        INDArray real = new Fno(1, 1, 8, 12, 1, Activation.GELU).initialParameters(3).get("block0.spectral.real")
                .castTo(DataType.DOUBLE);
        assertArrayEquals(new long[] {1, 8, 8, 12}, real.shape());
        // standard normal times 1/(8·8): the standard deviation of 768 draws within 10% of 1/64
        assertEquals(1.0 / 64, real.stdNumber().doubleValue(), 0.1 / 64);
        assertEquals(0, real.meanNumber().doubleValue(), 0.2 / 64);
    }

    @Test
    void aBandLimitedStateGivesTheSameFunctionOnEveryGrid() {
        // linear activation: the whole network maps the modes below `modes` to themselves, so the
        // same smooth state sampled on 8 and 16 points gives the same values where the grids meet
        Network network = new Fno(1, 1, 3, 2, 2, Activation.IDENTITY);
        Parameters parameters = network.initialParameters(5).copy(DataType.DOUBLE);
        INDArray coarse = Networks.step(network, parameters, smooth(8));
        INDArray fine = Networks.step(network, parameters, smooth(16));
        for (int j = 0; j < 8; j++) {
            assertEquals(coarse.getDouble(0, 0, j), fine.getDouble(0, 0, 2 * j), 1e-12, "point " + j);
        }
        // with GELU every grid of at least 2·modes points is accepted and gives finite values
        Network gelu = new Fno(2, 1, 3, 2, 1, Activation.GELU);
        for (long[] shape : new long[][] {{1, 4, 4}, {1, 4, 7}, {1, 16, 8}}) {
            gelu.checkState(shape);
        }
        INDArray state = RandomArrays.gaussian(7, DataType.DOUBLE, 1, 1, 4, 7);
        assertArrayEquals(state.shape(), Networks.step(gelu, gelu.initialParameters(1), state).shape());
    }

    private static INDArray smooth(int n) {
        double[] values = new double[n];
        for (int j = 0; j < n; j++) {
            double x = (double) j / n;
            values[j] = 0.5 + Math.cos(2 * Math.PI * x) - 0.3 * Math.sin(2 * Math.PI * x);
        }
        return Nd4j.createFromArray(values).reshape(1, 1, n);
    }

    @Test
    void gridsSmallerThanTwiceTheModesNameModes() {
        Network network = new Fno(1, 1, 4, 12, 1, Activation.GELU);
        network.checkState(new long[] {1, 24});
        assertEquals("modes: must be ≤ 11 (half the 23 points of the state shape [1, 23]: every axis needs at least "
                + "2·modes points), got 12", error(() -> network.checkState(new long[] {1, 23})));
        Network square = new Fno(2, 1, 4, 3, 1, Activation.GELU);
        assertEquals("modes: must be ≤ 2 (half the 5 points along the shortest spatial axis of the state shape "
                + "[1, 16, 5]: every axis needs at least 2·modes points), got 3",
                error(() -> square.checkState(new long[] {1, 16, 5})));
        assertEquals("channels: must be 2 (the channels of the state shape [2, 32]), got 1",
                error(() -> network.checkState(new long[] {2, 32})));
        assertEquals("spatialDims: must be 3 (the spatial axes of the state shape [1, 8, 8, 8] = (channels, *space)), "
                + "got 2; the FNO takes 1 or 2 spatial axes", error(() -> square.checkState(new long[] {1, 8, 8, 8})));
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("spec.network.spatialDims: must be integer in [1, 2], got 3", error(() -> REGISTRY.create(
                PluginKind.NETWORK, "fno", Map.of("spatialDims", 3), "spec.network")));
        assertEquals("spec.network.modes: must be integer ≥ 1, got 0", error(() -> REGISTRY.create(
                PluginKind.NETWORK, "fno", Map.of("modes", 0), "spec.network")));
        assertEquals("spec.network.blocks: must be integer ≥ 1, got 0", error(() -> REGISTRY.create(
                PluginKind.NETWORK, "fno", Map.of("blocks", 0), "spec.network")));
        assertEquals("spatialDims must be 1 or 2, got 3", error(() -> new Fno(3, 1, 4, 2, 1, Activation.GELU)));
        assertEquals("width, modes, blocks: must give at most 2147483639 parameters (the most one array holds), got "
                + "8592036865 (spatialDims = 2, channels = 1, width = 1024, modes = 32, blocks = 2)",
                error(() -> new Fno(2, 1, 1024, 32, 2, Activation.GELU)));
    }
}
