package dev.trainax.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.testkit.RandomArrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The metrics' values against hand computations in float64, and their plugin parameters. */
class MetricValuesTest {

    private static final double EPS = 1e-14;

    /** Two samples, one channel, four points: errors (0, 2, 0, 2) against (1, 0, 3, 2), and all 1 against 1. */
    private static final INDArray P = Nd4j.createFromArray(new double[][][] {{{1, 2, 3, 4}}, {{2, 2, 2, 2}}});
    private static final INDArray R = Nd4j.createFromArray(new double[][][] {{{1, 0, 3, 2}}, {{1, 1, 1, 1}}});

    private static void assertValues(RolloutMetric metric, double first, double second) {
        assertArrayEquals(new double[] {first, second}, metric.perSample(P, R), EPS, metric.name());
        assertEquals((first + second) / 2, metric.mean(P, R), EPS, metric.name() + " mean");
    }

    @Test
    void pointwiseMetricsByHand() {
        assertValues(PointwiseMetric.mae(), 4.0 / 4, 1);
        assertValues(PointwiseMetric.mse(), 8.0 / 4, 1);
        assertValues(PointwiseMetric.rmse(), Math.sqrt(2), 1);
        assertValues(PointwiseMetric.nmae(), 4.0 / 6, 1);                 // Σ|r| = 6
        assertValues(PointwiseMetric.nmse(), 8.0 / 14, 1);                // ‖r‖² = 14
        assertValues(PointwiseMetric.nrmse(), Math.sqrt(8.0 / 14), 1);
    }

    @Test
    void correlationByHand() {
        // p − 2.5 = (−1.5, −0.5, 0.5, 1.5), r − 1.5 = (−0.5, −1.5, 1.5, 0.5): 3 / (√5 √5); a constant sample gives 0
        assertValues(new Correlation(), 0.6, 0);
        INDArray line = Nd4j.createFromArray(new double[][][] {{{1, 2, 3}}});
        assertEquals(-1, new Correlation().mean(line.neg(), line), EPS);
        assertEquals(1, new Correlation().mean(line.mul(2).add(7), line), EPS);
        // 0.1 thirty times: its rounded mean is not 0.1, yet the sample is constant
        INDArray constant = Nd4j.valueArrayOf(new long[] {1, 1, 30}, 0.1, DataType.DOUBLE);
        INDArray wave = Nd4j.createFromArray(IntStream.range(0, 30).mapToDouble(i -> i * i)
                .toArray()).reshape(1, 1, 30);
        assertEquals(0, new Correlation().mean(constant, wave), 0);
        assertEquals(0, new Correlation().mean(wave, constant), 0);
    }

    @Test
    void aZeroReferenceDividesByATinyNumberNotByZero() {
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1, 4);
        assertEquals(0, PointwiseMetric.nrmse().mean(zero, zero), 0);
        assertTrue(Double.isFinite(PointwiseMetric.nmae().mean(zero.add(1), zero)));
        assertEquals(0, new FourierNrmse().mean(zero, zero), 0);
    }

    /** One sample, one channel on n points x_j = j/n of the unit interval: f(x). */
    private static INDArray grid1d(int n, java.util.function.DoubleUnaryOperator f) {
        double[] values = new double[n];
        for (int j = 0; j < n; j++) {
            values[j] = f.applyAsDouble((double) j / n);
        }
        return Nd4j.createFromArray(values).reshape(1, 1, n);
    }

    /** One sample, one channel on the (nx, ny) grid of the unit square: f(x, y). */
    private static INDArray grid2d(int nx, int ny, DoubleBinaryOperator f) {
        double[][] values = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                values[i][j] = f.applyAsDouble((double) i / nx, (double) j / ny);
            }
        }
        return Nd4j.createFromArray(values).reshape(1, 1, nx, ny);
    }

    private static final double TWO_PI = 2 * Math.PI;

    @Test
    void fourierAndH1OnSingleModesIn1d() {
        // r = cos 2πx + cos 6πx (modes 1 and 3, equal energy); the error is 0.5 cos 6πx (mode 3 only)
        INDArray r = grid1d(8, x -> Math.cos(TWO_PI * x) + Math.cos(3 * TWO_PI * x));
        INDArray p = r.add(grid1d(8, x -> 0.5 * Math.cos(3 * TWO_PI * x)));
        double tolerance = 1e-13;
        assertEquals(0.5 / Math.sqrt(2), new FourierNrmse().mean(p, r), tolerance);
        assertEquals(0.5 / Math.sqrt(2), PointwiseMetric.nrmse().mean(p, r), tolerance);
        assertEquals(0, new FourierNrmse(0, 2, 0).mean(p, r), tolerance);           // modes 0 and 1: no error
        assertEquals(0.5, new FourierNrmse(2, 4, 0).mean(p, r), tolerance);         // mode 3 only
        assertEquals(0.5, new FourierNrmse(3, null, 0).mean(p, r), tolerance);
        assertEquals(0.5 / Math.sqrt(2), new FourierNrmse(0, 5, 0).mean(p, r), tolerance);
        assertEquals(3 * 0.5 / Math.sqrt(1 + 9), new FourierNrmse(0, null, 1).mean(p, r), tolerance);
        assertEquals(9 * 0.5 / Math.sqrt(1 + 81), new FourierNrmse(0, null, 2).mean(p, r), tolerance);
        // H1: mode k weighs 1 + (2πk/L)²
        for (double length : new double[] {1, 2}) {
            double w1 = 1 + Math.pow(TWO_PI / length, 2);
            double w3 = 1 + Math.pow(3 * TWO_PI / length, 2);
            assertEquals(Math.sqrt(0.25 * w3 / (w1 + w3)), new H1Nrmse(length).mean(p, r), tolerance, "L = " + length);
        }
    }

    @Test
    void fourierAndH1OnSingleModesIn2d() {
        // r = cos 2πx + sin 2π(x + 2y): modes (1, 0) and (1, 2); the error 0.5 sin 2π(x + 2y) has max|k_d| = 2, |k|² = 5
        INDArray r = grid2d(4, 6, (x, y) -> Math.cos(TWO_PI * x) + Math.sin(TWO_PI * (x + 2 * y)));
        INDArray p = r.add(grid2d(4, 6, (x, y) -> 0.5 * Math.sin(TWO_PI * (x + 2 * y))));
        double tolerance = 1e-13;
        assertEquals(0.5 / Math.sqrt(2), new FourierNrmse().mean(p, r), tolerance);
        assertEquals(0, new FourierNrmse(0, 2, 0).mean(p, r), tolerance);
        assertEquals(0.5, new FourierNrmse(2, null, 0).mean(p, r), tolerance);
        assertEquals(0.5 * Math.sqrt(5) / Math.sqrt(1 + 5), new FourierNrmse(0, null, 1).mean(p, r), tolerance);
        double w10 = 1 + TWO_PI * TWO_PI;
        double w12 = 1 + 5 * TWO_PI * TWO_PI;
        assertEquals(Math.sqrt(0.25 * w12 / (w10 + w12)), new H1Nrmse().mean(p, r), tolerance);
    }

    @Test
    void theFullBandEqualsNrmseByParseval() {
        INDArray p = RandomArrays.gaussian(1, DataType.DOUBLE, 3, 2, 5, 4);
        INDArray r = RandomArrays.gaussian(2, DataType.DOUBLE, 3, 2, 5, 4);
        assertArrayEquals(PointwiseMetric.nrmse().perSample(p, r), new FourierNrmse().perSample(p, r), 1e-12);
    }

    @Test
    void spectralMetricsNeedASpatialAxis() {
        INDArray lorenz = Nd4j.createFromArray(new double[][] {{1, 2, 3}});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new H1Nrmse().mean(lorenz, lorenz));
        assertTrue(error.getMessage().startsWith("h1-nrmse: states must be (samples, channels, *space) with at least 1 "
                + "spatial axis"), error.getMessage());
        assertEquals(0, PointwiseMetric.nrmse().mean(lorenz, lorenz), 0);
    }

    @Test
    void namesCarryTheParametersThatDifferFromTheDefaults() {
        assertEquals("nrmse", PointwiseMetric.nrmse().name());
        assertEquals("fourier-nrmse", new FourierNrmse().name());
        assertEquals("fourier-nrmse(low=1;high=4;derivativeOrder=1)", new FourierNrmse(1, 4, 1).name());
        assertEquals("fourier-nrmse(derivativeOrder=0.5)", new FourierNrmse(0, null, 0.5).name());
        assertEquals("h1-nrmse", new H1Nrmse().name());
        assertEquals("h1-nrmse(domainExtent=2)", new H1Nrmse(2).name());
    }

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new MetricProviders.MaeProvider(),
            new MetricProviders.MseProvider(), new MetricProviders.RmseProvider(), new MetricProviders.NmaeProvider(),
            new MetricProviders.NmseProvider(), new MetricProviders.NrmseProvider(),
            new MetricProviders.CorrelationProvider(), new MetricProviders.FourierNrmseProvider(),
            new MetricProviders.H1NrmseProvider()));

    @Test
    void providersCreateTheMetricsWithTypedParameters() {
        assertEquals(List.of("correlation", "fourier-nrmse", "h1-nrmse", "mae", "mse", "nmae", "nmse", "nrmse", "rmse"),
                REGISTRY.ids(PluginKind.METRIC));
        for (String id : REGISTRY.ids(PluginKind.METRIC)) {
            RolloutMetric metric = REGISTRY.create(PluginKind.METRIC, id);
            assertEquals(id, metric.name());
        }
        RolloutMetric band = REGISTRY.create(PluginKind.METRIC, "fourier-nrmse",
                Map.of("low", 1, "high", 4, "derivativeOrder", 1), "metric");
        assertEquals(new FourierNrmse(1, 4, 1), band);
        assertEquals(new H1Nrmse(2), REGISTRY.create(PluginKind.METRIC, "h1-nrmse", Map.of("domainExtent", 2.0), "m"));
    }

    @Test
    void badParametersAreErrorsNamingTheParameter() {
        assertEquals("metric.high: must be > low (3), got 3", message("fourier-nrmse", Map.of("low", 3, "high", 3)));
        assertTrue(message("fourier-nrmse", Map.of("low", -1)).startsWith("metric.low: "),
                message("fourier-nrmse", Map.of("low", -1)));
        assertTrue(message("fourier-nrmse", Map.of("derivativeOrder", -1)).startsWith("metric.derivativeOrder: "));
        assertTrue(message("h1-nrmse", Map.of("domainExtent", 0)).startsWith("metric.domainExtent: "));
        assertTrue(message("nrmse", Map.of("low", 1)).startsWith("metric.low: unknown parameter"),
                message("nrmse", Map.of("low", 1)));
        IllegalArgumentException java = assertThrows(IllegalArgumentException.class, () -> new FourierNrmse(2, 1, 0));
        assertEquals("high: must be > low (2), got 1", java.getMessage());
    }

    private static String message(String id, Map<String, ?> arguments) {
        return assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create(PluginKind.METRIC, id, arguments, "metric")).getMessage();
    }
}
