package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SampleDataTest {

    @Test
    void advectionShiftsByTheCflPerStepExactly() {
        // cfl = 1 shifts one grid cell per step: level t+1 is level t rolled right by one point
        INDArray data = Advection1d.periodic(16, 2, 1.0, 3, 4, 7).castTo(DataType.DOUBLE);
        assertArrayEquals(new long[] {2, 4, 1, 16}, data.shape());
        for (int i = 0; i < 16; i++) {
            assertEquals(data.getDouble(1, 0, 0, (i + 15) % 16), data.getDouble(1, 1, 0, i), 1e-6);
        }
        // the spatial mean of a zero-mean truncated Fourier series stays zero
        assertEquals(0.0, data.get(NDArrayIndex.point(0)).meanNumber().doubleValue(), 1e-6);
    }

    @Test
    void advectionIsDeterministicAndChecksItsArguments() {
        assertEquals(Advection1d.periodic(30, 3, -0.75, 5, 10, 1), Advection1d.periodic(30, 3, -0.75, 5, 10, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Advection1d.periodic(10, 2, 0.5, 5, 3, 0))
                .getMessage().startsWith("highestInitMode must be < numPoints/2 = 5.0"));
        assertEquals("numSamples must be ≥ 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Advection1d.periodic(10, 0, 0.5, 2, 3, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FirstOrderUpwind(1.5)).getMessage()
                .startsWith("cfl must be in [-1, 1]"));
    }

    @Test
    void lorenzRk4MatchesAHandStepAndStaysOnTheAttractor() {
        Lorenz63 lorenz = Lorenz63.classic(0.01);
        double[] next = lorenz.step(new double[] {1, 1, 1});
        // the same interval in 100 steps 100x smaller: RK4's local error is O(dt^5)
        Lorenz63 fine = Lorenz63.classic(0.0001);
        double[] reference = {1, 1, 1};
        for (int i = 0; i < 100; i++) {
            reference = fine.step(reference);
        }
        double[] half = Lorenz63.classic(0.005).step(Lorenz63.classic(0.005).step(new double[] {1, 1, 1}));
        double errorFull = Math.abs(next[0] - reference[0]) + Math.abs(next[1] - reference[1])
                + Math.abs(next[2] - reference[2]);
        double errorHalf = Math.abs(half[0] - reference[0]) + Math.abs(half[1] - reference[1])
                + Math.abs(half[2] - reference[2]);
        // two half steps: 2·(dt/2)^5 = dt^5/16, the fourth-order signature
        assertTrue(errorFull < 1e-5 && errorFull / errorHalf > 12 && errorFull / errorHalf < 20,
                errorFull + " / " + errorHalf);
        // the graph form (what training differentiates through) equals the Java form
        Engine engine = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
        INDArray graphNext = engine.compileRollout(lorenz, Parameters.of(Map.of()), new long[] {3}, DataType.DOUBLE)
                .step(Nd4j.createFromArray(new double[][] {{1, 1, 1}}));
        assertArrayEquals(next, graphNext.reshape(3).toDoubleVector(), 1e-12);
        INDArray trajectories = lorenz.trajectories(3, 200, 500, 1.0, 0);
        assertArrayEquals(new long[] {3, 200, 3}, trajectories.shape());
        double max = trajectories.amaxNumber().doubleValue();
        assertTrue(max > 10 && max < 60, "Lorenz states lie on the attractor, |u| ≤ 60: " + max);
        assertEquals(trajectories, lorenz.trajectories(3, 200, 500, 1.0, 0));
    }
}
