package dev.trainax.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The h1 and fourier losses against closed forms on single Fourier modes (float64), their
 * normalized forms, 1D/2D/3D states, gradients against central finite differences in 2D, the
 * registry and parameter errors.
 */
class SpectralLossTest {

    private static final double TWO_PI = 2 * Math.PI;

    /** {@code loss.perSample(prediction, target)} on placeholders (target null: single input). */
    private static double[] perSample(TimeLevelLoss loss, INDArray prediction, INDArray target) {
        SameDiff graph = SameDiff.create();
        SDVariable p = graph.placeHolder("p", DataType.DOUBLE, prediction.shape());
        SDVariable t = target == null ? null : graph.placeHolder("t", DataType.DOUBLE, target.shape());
        String name = loss.perSample(context(graph), p, t).name();
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("p", prediction);
        if (target != null) {
            feed.put("t", target);
        }
        return graph.output(feed, name).get(name).toDoubleVector();
    }

    private static LossContext context(SameDiff graph) {
        return new LossContext() {
            @Override
            public SameDiff graph() {
                return graph;
            }

            @Override
            public SDVariable meanPerSample(SDVariable x) {
                return x.mean(1, 2);
            }

            @Override
            public SDVariable meanOverAll(SDVariable x) {
                throw new AssertionError("not used by spectral losses");
            }
        };
    }

    /** {@code amplitude · sin(2π m x / L)} at {@code x = jL/N}, shape {@code (1, 1, N)}. */
    private static INDArray sine1d(int n, int m, double amplitude) {
        INDArray state = Nd4j.create(DataType.DOUBLE, 1, 1, n);
        for (int j = 0; j < n; j++) {
            state.putScalar(new long[] {0, 0, j}, amplitude * Math.sin(TWO_PI * m * j / n));
        }
        return state;
    }

    private static FourierLoss fourier(int low, int high, int order, double extent, boolean normalized) {
        return new FourierLoss(new FourierLoss.Options(low, high, order, extent, normalized, BatchReduction.MEAN));
    }

    @Test
    void h1OfASingleModeIsHalfOfOnePlusTheSquaredWavenumber() {
        for (double extent : new double[] {1.0, 3.0}) {
            for (int m : new int[] {1, 3}) {
                INDArray e = sine1d(8, m, 1.0);
                double kappa = TWO_PI * m / extent;
                double expected = 0.5 * (1 + kappa * kappa);
                assertEquals(expected, perSample(SobolevLoss.h1(extent, false, BatchReduction.MEAN), e, null)[0],
                        1e-10 * expected, "L=" + extent + " m=" + m);
                // as an error: prediction 0, target e
                assertEquals(expected, perSample(SobolevLoss.h1(extent, false, BatchReduction.MEAN),
                        Nd4j.zeros(DataType.DOUBLE, 1, 1, 8), e)[0], 1e-10 * expected);
            }
        }
        // the constant mode has no gradient: h1(c) = c²
        assertEquals(4.0, perSample(SobolevLoss.h1(1.0, false, BatchReduction.MEAN),
                Nd4j.valueArrayOf(new long[] {1, 1, 6}, 2.0, DataType.DOUBLE), null)[0], 1e-12);
    }

    @Test
    void normalizedH1DividesByTheTargetsNorm() {
        INDArray target = sine1d(8, 2, 1.0);
        INDArray prediction = target.add(sine1d(8, 1, 0.5));
        double error = 0.25 * 0.5 * (1 + TWO_PI * TWO_PI);
        double norm = 0.5 * (1 + 4 * TWO_PI * TWO_PI);
        assertEquals(error / norm, perSample(SobolevLoss.h1(1.0, true, BatchReduction.MEAN), prediction, target)[0],
                1e-12);
    }

    @Test
    void h1In2dAnd3dAddsTheGradientOfEveryAxis() {
        // e = sin(2π x) cos(2π·2 y) on 4 x 6 points: mean e² = 1/4, mean (∂x e)² = (2π)²/4, mean (∂y e)² = (4π)²/4
        INDArray e = Nd4j.create(DataType.DOUBLE, 1, 1, 4, 6);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                e.putScalar(new long[] {0, 0, i, j}, Math.sin(TWO_PI * i / 4) * Math.cos(TWO_PI * 2 * j / 6));
            }
        }
        double expected = 0.25 * (1 + TWO_PI * TWO_PI + 4 * TWO_PI * TWO_PI);
        assertEquals(expected, perSample(SobolevLoss.h1(1.0, false, BatchReduction.MEAN), e, null)[0], 1e-10 * expected);
        // 3D: the same field, constant along a third axis of 3 points
        INDArray e3 = Nd4j.create(DataType.DOUBLE, 1, 1, 4, 6, 3);
        for (int z = 0; z < 3; z++) {
            e3.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(z)).assign(e.reshape(1, 1, 4, 6));
        }
        assertEquals(expected, perSample(SobolevLoss.h1(1.0, false, BatchReduction.MEAN), e3, null)[0],
                1e-10 * expected);
        // fourier d = 0 over everything is the MSE in 2D (Parseval)
        assertEquals(0.25, perSample(fourier(0, 0, 0, 1.0, false), e, null)[0], 1e-12);
        // band by the largest |k_a|: the mode (1, 2) is in [2, 3) but not in [0, 2)
        assertEquals(0.25, perSample(fourier(2, 3, 0, 1.0, false), e, null)[0], 1e-12);
        assertEquals(0.0, perSample(fourier(0, 2, 0, 1.0, false), e, null)[0], 1e-12);
    }

    @Test
    void fourierBandKeepsExactlyTheModesInside() {
        INDArray e = sine1d(16, 3, 2.0); // energy 2
        assertEquals(2.0, perSample(fourier(0, 0, 0, 1.0, false), e, null)[0], 1e-12);
        assertEquals(2.0, perSample(fourier(3, 4, 0, 1.0, false), e, null)[0], 1e-12);
        assertEquals(2.0, perSample(fourier(1, 0, 0, 1.0, false), e, null)[0], 1e-12);
        assertEquals(0.0, perSample(fourier(0, 3, 0, 1.0, false), e, null)[0], 1e-12);
        assertEquals(0.0, perSample(fourier(4, 8, 0, 1.0, false), e, null)[0], 1e-12);
        // derivative orders weight by (2πm/L)^(2d)
        for (int d = 1; d <= 2; d++) {
            double expected = 2.0 * Math.pow(TWO_PI * 3 / 2.0, 2 * d);
            assertEquals(expected, perSample(fourier(2, 5, d, 2.0, false), e, null)[0], 1e-10 * expected, "d=" + d);
        }
        // two modes: the band picks one; plain MSE is their sum
        INDArray two = e.add(sine1d(16, 6, 1.0));
        assertEquals(0.5, perSample(fourier(5, 7, 0, 1.0, false), two, null)[0], 1e-12);
        assertEquals(2.5, perSample(MeanPowerLoss.mse(BatchReduction.MEAN), two, null)[0], 1e-12);
        assertEquals(2.5, perSample(fourier(0, 0, 0, 1.0, false), two, null)[0], 1e-12);
    }

    @Test
    void normalizedFourierDividesByTheTargetsBandEnergy() {
        INDArray target = sine1d(16, 3, 2.0).add(sine1d(16, 6, 1.0)); // band [0, 4): energy 2
        INDArray prediction = target.add(sine1d(16, 2, 0.5)).add(sine1d(16, 7, 3.0)); // band error 0.125
        assertEquals(0.125 / 2.0, perSample(fourier(0, 4, 0, 1.0, true), prediction, target)[0], 1e-12);
        assertEquals((0.125 + 4.5) / 2.5, perSample(fourier(0, 0, 0, 1.0, true), prediction, target)[0], 1e-12);
    }

    @Test
    void gradientIn2dMatchesCentralDifferences() {
        Random random = new Random(1);
        INDArray start = Nd4j.create(DataType.DOUBLE, 2, 2, 3, 4);
        INDArray target = Nd4j.create(DataType.DOUBLE, 2, 2, 3, 4);
        for (long i = 0; i < start.length(); i++) {
            start.putScalar(i, random.nextGaussian());
            target.putScalar(i, random.nextGaussian());
        }
        for (TimeLevelLoss loss : new TimeLevelLoss[] {SobolevLoss.h1(1.0, true, BatchReduction.SUM),
                fourier(1, 2, 1, 1.0, false), fourier(0, 2, 0, 1.0, true)}) {
            SameDiff graph = SameDiff.create();
            SDVariable p = graph.var("p", start.dup());
            SDVariable t = graph.placeHolder("t", DataType.DOUBLE, -1, 2, 3, 4);
            SDVariable value = loss.batchLoss(context(graph), p.mul(1.0), t);
            value.markAsLoss();
            Map<String, INDArray> feed = Map.of("t", target);
            INDArray analytic = graph.calculateGradients(feed, "p").get("p").dup();
            double epsilon = 1e-6;
            double worst = 0;
            for (long i = 0; i < start.length(); i++) {
                double x = start.getDouble(i);
                p.getArr().putScalar(i, x + epsilon);
                double up = graph.output(feed, value.name()).get(value.name()).getDouble(0);
                p.getArr().putScalar(i, x - epsilon);
                double down = graph.output(feed, value.name()).get(value.name()).getDouble(0);
                p.getArr().putScalar(i, x);
                double numeric = (up - down) / (2 * epsilon);
                worst = Math.max(worst, Math.abs(numeric - analytic.getDouble(i)) / Math.max(1e-3, Math.abs(numeric)));
            }
            assertTrue(worst < 1e-6, loss + ": worst relative error " + worst);
        }
    }

    @Test
    void registeredWithDefaultsAndClearErrors() {
        PluginRegistry registry = PluginRegistry.load();
        assertTrue(registry.ids(PluginKind.LOSS).contains("h1"), "h1 registered");
        assertTrue(registry.ids(PluginKind.LOSS).contains("fourier"), "fourier registered");
        FourierLoss.Options defaults = new FourierLoss.Options(0, 0, 0, 1.0, false, BatchReduction.MEAN);
        assertEquals(0, defaults.high());
        IllegalArgumentException band = assertThrows(IllegalArgumentException.class,
                () -> new FourierLoss.Options(3, 3, 0, 1.0, false, BatchReduction.MEAN));
        assertTrue(band.getMessage().contains("high"), band.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new FourierLoss.Options(0, 0, -1, 1.0, false, BatchReduction.MEAN));
        assertTrue(order.getMessage().contains("derivativeOrder"), order.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> new FourierLoss.Options(-1, 0, 0, 1.0, false, BatchReduction.MEAN));
        assertTrue(low.getMessage().contains("low"), low.getMessage());
        IllegalArgumentException extent = assertThrows(IllegalArgumentException.class,
                () -> new SobolevLoss.Options(0.0, false, BatchReduction.MEAN));
        assertTrue(extent.getMessage().contains("domainExtent"), extent.getMessage());
        TimeLevelLoss fromSpec = registry.create(PluginKind.LOSS, "fourier", Map.of("low", 1, "high", 4,
                "derivativeOrder", 1), "spec.timeLevelLoss");
        assertEquals(2.0 * Math.pow(TWO_PI * 3, 2), perSample(fromSpec, sine1d(16, 3, 2.0), null)[0], 1e-9);
        TimeLevelLoss h1 = registry.create(PluginKind.LOSS, "h1");
        assertEquals(0.5 * (1 + TWO_PI * TWO_PI), perSample(h1, sine1d(8, 1, 1.0), null)[0], 1e-10);
        IllegalArgumentException specBand = assertThrows(IllegalArgumentException.class,
                () -> registry.create(PluginKind.LOSS, "fourier", Map.of("low", 4, "high", 2), "spec.timeLevelLoss"));
        assertTrue(specBand.getMessage().contains("high"), specBand.getMessage());
        assertThrows(IllegalArgumentException.class, () -> perSample(SobolevLoss.h1(1.0, true, BatchReduction.MEAN),
                sine1d(4, 1, 1.0), null));
    }
}
