package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrajectorySubStackerTest {

    /** value = 100·sample + 10·time + point, shape (2 samples, 4 times, 1 channel, 3 points). */
    private static final INDArray DATA = Nd4j.create(DataType.FLOAT, 2, 4, 1, 3);

    static {
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 4; t++) {
                for (int x = 0; x < 3; x++) {
                    DATA.putScalar(new long[] {s, t, 0, x}, 100 * s + 10 * t + x);
                }
            }
        }
    }

    @Test
    void windowsAreSampleMajorAndOverlapping() {
        TrajectorySubStacker stacker = new TrajectorySubStacker(DATA, 3, true, false);
        assertEquals(4, stacker.numWindows());
        INDArray batch = stacker.gather(new int[] {1, 2});
        assertArrayEquals(new long[] {2, 3, 1, 3}, batch.shape());
        assertEquals(10f, batch.getFloat(0, 0, 0, 0));
        assertEquals(32f, batch.getFloat(0, 2, 0, 2));
        assertEquals(100f, batch.getFloat(1, 0, 0, 0));
        assertEquals(DataType.FLOAT, batch.dataType());
    }

    @Test
    void initialConditionsOnlyKeepTheWindowCount() {
        TrajectorySubStacker stacker = new TrajectorySubStacker(DATA, 3, true, true);
        assertEquals(4, stacker.numWindows());
        INDArray all = stacker.all();
        assertArrayEquals(new long[] {4, 1, 1, 3}, all.shape());
        assertEquals(110f, all.getFloat(3, 0, 0, 0));
    }

    @Test
    void withoutSubStackingOnlyTheFirstWindow() {
        TrajectorySubStacker stacker = new TrajectorySubStacker(DATA, 2, false, false);
        assertEquals(2, stacker.numWindows());
        assertEquals(100f, stacker.gather(new int[] {1}).getFloat(0, 0, 0, 0));
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrajectorySubStacker(DATA, 5, true, false))
                .getMessage().startsWith("windowLength must be ≤ the trajectories' 4 time levels"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrajectorySubStacker(Nd4j.zeros(DataType.FLOAT, 4, 3), 2, true, false))
                .getMessage().startsWith("trajectories must have shape (samples, time, *state) with rank ≥ 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrajectorySubStacker(DATA, 2, true, false).gather(new int[] {9}))
                .getMessage().startsWith("indices[0] must be in [0, 6)"));
    }
}
