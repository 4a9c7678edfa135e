package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class InitialConditionsTest {

    @Test
    void gaussianRandomFieldsHaveZeroMeanAndTheRequestedNormalisation() {
        INDArray fields = InitialConditions.gaussianRandomField(64, 4, 3.0, 1);
        assertArrayEquals(new long[] {4, 1, 64}, fields.shape());
        for (long s = 0; s < 4; s++) {
            assertEquals(0.0, fields.get(NDArrayIndex.point(s)).meanNumber().doubleValue(), 1e-12);
        }
        INDArray rms = InitialConditions.normalise(fields.dup(), InitialConditions.Normalisation.RMS, 0.5);
        INDArray sample = rms.get(NDArrayIndex.point(2));
        assertEquals(0.5, Math.sqrt(sample.mul(sample).meanNumber().doubleValue()), 1e-12);
        INDArray max = InitialConditions.normalise(fields.dup(), InitialConditions.Normalisation.MAX_ABS, 2.0);
        assertEquals(2.0, max.get(NDArrayIndex.point(1)).amaxNumber().doubleValue(), 1e-12);
        assertEquals(fields, InitialConditions.gaussianRandomField(64, 4, 3.0, 1));
    }

    @Test
    void aSteeperSpectrumIsSmoother() {
        INDArray rough = InitialConditions.normalise(InitialConditions.gaussianRandomField(64, 8, 0.5, 2),
                InitialConditions.Normalisation.RMS, 1.0);
        INDArray smooth = InitialConditions.normalise(InitialConditions.gaussianRandomField(64, 8, 4.0, 2),
                InitialConditions.Normalisation.RMS, 1.0);
        assertTrue(variation(smooth) < variation(rough) / 3, variation(smooth) + " vs " + variation(rough));
    }

    /** Mean absolute difference between neighbouring points. */
    private static double variation(INDArray fields) {
        INDArray right = fields.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 64));
        INDArray left = fields.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 63));
        return Transforms.abs(right.sub(left)).meanNumber().doubleValue();
    }

    @Test
    void spectralSourcesTakeTheInitialConditionOptions() {
        PluginRegistry registry = PluginRegistry.load();
        INDArray data = registry.<DataSource>create(PluginKind.DATA, "diffusion-1d", Map.of("numSamples", 3,
                "temporalHorizon", 4, "initialCondition", "grf", "normalisation", "rms", "amplitude", 0.25), "data")
                .trajectories(registry.create(PluginKind.ENGINE, "samediff"));
        INDArray first = data.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).castTo(
                DataType.DOUBLE);
        assertEquals(0.25, Math.sqrt(first.mul(first).meanNumber().doubleValue()), 1e-6);
    }
}
