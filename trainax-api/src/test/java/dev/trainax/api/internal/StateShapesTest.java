package dev.trainax.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Residuum;
import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

class StateShapesTest {

    /** A stepper that accepts only states of {@code points} points. */
    private static Stepper onGrid(long points) {
        return new Stepper() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return state;
            }

            @Override
            public void checkState(long[] stateShape) {
                Require.that(stateShape[stateShape.length - 1] == points, "numPoints:",
                        "must be " + stateShape[stateShape.length - 1] + ", got " + points);
            }
        };
    }

    @Test
    void trajectoriesNeedEveryAxis() {
        long[] fine = {2, 3, 1, 8};
        assertSame(fine, StateShapes.requireTrajectories("trajectories", fine));
        assertEquals("trajectories must have shape (samples, time, channels, *space), got [3, 12]",
                assertThrows(IllegalArgumentException.class,
                        () -> StateShapes.requireTrajectories("trajectories", new long[] {3, 12})).getMessage());
        String prefix = "file a.npy must have shape (samples, time, channels, *space) with every size ≥ 1, got ";
        assertEquals(prefix + "[0, 5, 1, 8] (0 samples)", error(0, 5, 1, 8));
        assertEquals(prefix + "[2, 0, 1, 8] (0 time levels)", error(2, 0, 1, 8));
        assertEquals(prefix + "[2, 5, 0, 8] (0 channels)", error(2, 5, 0, 8));
        assertEquals(prefix + "[2, 5, 1, 8, 0] (0 points along spatial axis 2)", error(2, 5, 1, 8, 0));
    }

    private static String error(long... shape) {
        return assertThrows(IllegalArgumentException.class,
                () -> StateShapes.requireTrajectories("file a.npy", shape)).getMessage();
    }

    @Test
    void stateShapesNeedPositiveSizes() {
        assertEquals("stateShape must be (channels, *space) with positive sizes, got [1, 0]",
                assertThrows(IllegalArgumentException.class,
                        () -> StateShapes.require("stateShape", new long[] {1, 0})).getMessage());
        assertEquals("stateShape must be (channels, *space) with positive sizes, got []",
                assertThrows(IllegalArgumentException.class,
                        () -> StateShapes.require("stateShape", new long[0])).getMessage());
    }

    @Test
    void aRefusalNamesTheRoleAndKeepsTheShapeUnchanged() {
        long[] shape = {1, 8};
        StateShapes.check("referenceStepper", onGrid(8), shape);
        StateShapes.check("network", (Stepper) null, shape);
        assertEquals("referenceStepper.numPoints: must be 8, got 16", assertThrows(IllegalArgumentException.class,
                () -> StateShapes.check("referenceStepper", onGrid(16), shape)).getMessage());
        Residuum refusing = new Residuum() {
            @Override
            public SDVariable apply(StepContext context, SDVariable next, SDVariable previous) {
                return next;
            }

            @Override
            public void checkState(long[] stateShape) {
                Arrays.fill(stateShape, 0);  // a check may not change the caller's shape
                throw new IllegalArgumentException("numPoints: must be 8, got 4");
            }
        };
        assertEquals("residuum.numPoints: must be 8, got 4", assertThrows(IllegalArgumentException.class,
                () -> StateShapes.check("residuum", refusing, shape)).getMessage());
        assertEquals("[1, 8]", Arrays.toString(shape));
    }
}
