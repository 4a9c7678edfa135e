package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.GradientCheck;
import dev.trainax.testkit.RandomArrays;
import dev.trainax.testkit.Tiny;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Each layer's output and gradient against hand-computed values: literal numbers for tiny cases,
 * and a direct loop implementation of "SAME" cross-correlation for convolutions in 1D to 3D.
 */
class LayerValuesTest {

    static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");

    /**
     * Asserts that {@code actual} has {@code expected}'s loss and every gradient to {@code tolerance},
     * relative to the loss and to each gradient's norm (at least 1e-3).
     */
    static void assertSameLossAndGradient(LossAndGradient expected, LossAndGradient actual, double tolerance) {
        assertEquals(expected.loss(), actual.loss(), tolerance * Math.abs(expected.loss()));
        for (Map.Entry<String, INDArray> entry : expected.gradient().asMap().entrySet()) {
            INDArray other = actual.gradient().get(entry.getKey()).castTo(entry.getValue().dataType());
            double scale = Math.max(1e-3, entry.getValue().norm2Number().doubleValue());
            assertEquals(0, entry.getValue().sub(other).norm2Number().doubleValue() / scale, tolerance, entry.getKey());
        }
    }

    /** MSE loss and gradient of one supervised step from {@code states} to {@code targets}. */
    private static LossAndGradient supervised(Network network, Parameters parameters, INDArray states,
                                              INDArray targets) {
        long[] stateShape = Arrays.copyOfRange(states.shape(), 1, states.rank());
        try (Objective objective = ENGINE.compile(TrainingProblem.builder().configuration(Tiny.supervised(1))
                .network(network, parameters).stateShape(stateShape).dataType(DataType.DOUBLE).build())) {
            return objective.lossAndGradient(parameters, Nd4j.stack(1, states, targets));
        }
    }

    private static Parameters parameters(Object... namesAndValues) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arrays.put((String) namesAndValues[i], (INDArray) namesAndValues[i + 1]);
        }
        return Parameters.of(arrays);
    }

    private static INDArray array(long[] shape, double... values) {
        return Nd4j.createFromArray(values).reshape(shape);
    }

    @Test
    void conv1dMatchesHandValuesInEveryPadding() {
        INDArray x = array(new long[] {1, 1, 4}, 1, 2, 3, 4);
        Parameters stencil = parameters("weight", array(new long[] {1, 1, 3}, 1, 10, 100));
        // y_j = x_{j−1} + 10 x_j + 100 x_{j+1}; the boundary values differ by padding
        assertArrayEquals(new double[] {214, 321, 432, 143},
                Networks.step(new Conv1d(1, 1, 3, false, Padding.CIRCULAR), stencil, x).data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {210, 321, 432, 43},
                Networks.step(new Conv1d(1, 1, 3, false, Padding.ZERO), stencil, x).data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {212, 321, 432, 343},
                Networks.step(new Conv1d(1, 1, 3, false, Padding.REFLECT), stencil, x).data().asDouble(), 1e-12);
        // kernel 2 pads one point on the right only: y_j = x_j + 10 x_{j+1}
        assertArrayEquals(new double[] {21, 32, 43, 14}, Networks.step(new Conv1d(1, 1, 2, false),
                parameters("weight", array(new long[] {1, 1, 2}, 1, 10)), x).data().asDouble(), 1e-12);
    }

    @Test
    void conv1dGradientMatchesHandValues() {
        INDArray x = array(new long[] {1, 1, 4}, 1, 2, 3, 4);
        Parameters upwind = parameters("weight", array(new long[] {1, 1, 2}, 1, 0), "bias",
                Nd4j.createFromArray(0.5));
        // y = x + 0.5, target x + 1: error −0.5 everywhere; L = 0.25, ∂L/∂y = 2e/4 = −0.25
        LossAndGradient result = supervised(new Conv1d(1, 1, 2, true), upwind, x, x.add(1.0));
        assertEquals(0.25, result.loss(), 1e-12);
        // ∂L/∂w0 = Σ −0.25·x_j = −2.5; ∂L/∂w1 = Σ −0.25·x_{j+1} = −2.5; ∂L/∂b = −1
        assertArrayEquals(new double[] {-2.5, -2.5}, result.gradient().get("weight").data().asDouble(), 1e-12);
        assertEquals(-1.0, result.gradient().get("bias").getDouble(0), 1e-12);
    }

    @Test
    void conv2dIsACrossCorrelationOverRowsThenColumns() {
        INDArray x = array(new long[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        INDArray kernel = Nd4j.zeros(DataType.DOUBLE, 1, 1, 3, 3);
        kernel.putScalar(new long[] {0, 0, 0, 1}, 1.0); // y[r][c] = x[r−1][c]
        kernel.putScalar(new long[] {0, 0, 1, 2}, 10.0); // + 10·x[r][c+1]
        INDArray y = Networks.step(new Conv2d(1, 1, 3, false), parameters("weight", kernel), x);
        assertArrayEquals(new double[] {7 + 20, 8 + 30, 9 + 10, 1 + 50, 2 + 60, 3 + 40, 4 + 80, 5 + 90, 6 + 70},
                y.data().asDouble(), 1e-12);
    }

    @Test
    void mlpMatchesHandValuesAndGradient() {
        Mlp mlp = new Mlp(2, 2, 1, Activation.RELU);
        Parameters p = parameters("layer0.weight", array(new long[] {2, 2}, 1, -1, 2, 0.5),
                "layer0.bias", Nd4j.createFromArray(0.5, -3.0),
                "layer1.weight", array(new long[] {2, 2}, 1, 2, -1, 1),
                "layer1.bias", Nd4j.createFromArray(0.0, 1.0));
        INDArray x = array(new long[] {2, 2}, 3, 1, -1, 2);
        // h = relu(W0 x + b0): (2.5, 3.5) and (0, 0); y = W1 h + b1: (9.5, 2) and (0, 1)
        assertArrayEquals(new double[] {9.5, 2, 0, 1}, Networks.step(mlp, p, x).data().asDouble(), 1e-12);
        LossAndGradient result = supervised(mlp, p, x.get(NDArrayIndex.interval(0, 1)),
                array(new long[] {1, 2}, 9, 2));
        // e = (0.5, 0): L = 0.125, ∂L/∂y = e, ∂L/∂h = W1ᵀe = (0.5, 1)
        assertEquals(0.125, result.loss(), 1e-12);
        assertArrayEquals(new double[] {1.25, 1.75, 0, 0}, result.gradient().get("layer1.weight").data().asDouble(),
                1e-12);
        assertArrayEquals(new double[] {0.5, 0}, result.gradient().get("layer1.bias").data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {1.5, 0.5, 3, 1}, result.gradient().get("layer0.weight").data().asDouble(),
                1e-12);
        assertArrayEquals(new double[] {0.5, 1}, result.gradient().get("layer0.bias").data().asDouble(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"1, CIRCULAR, 3, 5", "1, ZERO, 4, 5", "1, REFLECT, 5, 5", "2, CIRCULAR, 3, 5", "2, ZERO, 2, 5",
        "2, REFLECT, 3, 5", "3, CIRCULAR, 3, 5", "3, ZERO, 2, 5", "3, REFLECT, 3, 5",
        // 1D grids too large for a dense matrix: the stacked shifted windows
        "1, CIRCULAR, 3, 130", "1, ZERO, 4, 130", "1, REFLECT, 5, 130"})
    void convolutionMatchesALoopImplementation(int dims, Padding padding, int kernel, int n) {
        int in = 2;
        int out = in; // a stepper keeps its state shape
        Conv conv = new Conv(dims, in, out, kernel, true, padding);
        Parameters p = conv.initialParameters(dims * 10L + kernel).copy(DataType.DOUBLE);
        long[] shape = new long[2 + dims];
        Arrays.fill(shape, n);
        shape[0] = 2;
        shape[1] = in;
        INDArray x = RandomArrays.gaussian(7, DataType.DOUBLE, shape);
        LoopConvolution loops = new LoopConvolution(dims, n, kernel, padding, p.get("weight"), p.get("bias"));
        INDArray expected = loops.apply(x, out);
        assertArrayEquals(expected.data().asDouble(), Networks.step(conv, p, x).data().asDouble(), 1e-12);

        INDArray target = RandomArrays.gaussian(8, DataType.DOUBLE, expected.shape());
        LossAndGradient result = supervised(conv, p, x, target);
        INDArray outputGradient = expected.sub(target).mul(2.0 / expected.length());
        assertEquals(expected.squaredDistance(target) / expected.length(), result.loss(), 1e-12);
        assertArrayEquals(loops.weightGradient(x, outputGradient).data().asDouble(),
                result.gradient().get("weight").data().asDouble(), 1e-12);
        assertArrayEquals(outputGradient.sum(IntStream.range(0, 2 + dims).filter(a -> a != 1).toArray()).data().asDouble(),
                result.gradient().get("bias").data().asDouble(), 1e-12);
    }

    @Test
    void convNetIn2dAnd3dMatchesFiniteDifferences() {
        for (int dims = 2; dims <= 3; dims++) {
            ConvNet net = new ConvNet(dims, 1, 2, 1, 3, Activation.TANH, Padding.REFLECT);
            Parameters p = net.initialParameters(dims).copy(DataType.DOUBLE);
            long[] windowShape = new long[3 + dims];
            Arrays.fill(windowShape, 4);
            windowShape[0] = 2;
            windowShape[1] = 3;
            windowShape[2] = 1;
            INDArray windows = RandomArrays.gaussian(dims, DataType.DOUBLE, windowShape);
            try (Objective objective = ENGINE.compile(TrainingProblem.builder()
                    .configuration(Tiny.supervised(2)).network(net, p)
                    .stateShape(Arrays.copyOfRange(windowShape, 2, windowShape.length)).dataType(DataType.DOUBLE)
                    .build())) {
                GradientCheck.Result check = GradientCheck.check(objective, p, windows, 1e-6, 1e-4);
                assertEquals(p.count(), check.entries());
                assertTrue(check.maxRelativeError() < 1e-5, dims + "D: " + check);
            }
        }
    }
}
