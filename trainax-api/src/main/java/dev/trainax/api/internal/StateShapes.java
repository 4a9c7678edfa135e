package dev.trainax.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Shape checks of states {@code (channels, *space)} and trajectories, and of a state shape against
 * the steppers and residua of a run ({@link Stepper#checkState}, {@link Residuum#checkState}) with
 * the role each plays named in the error, so that training problems, run plans and engines report
 * a mismatch alike: {@code network.kernelSize: must be ≤ 15 (…), got 17}.
 */
@API(status = INTERNAL, since = "0.1")
public final class StateShapes {

    private StateShapes() {
    }

    /** A state shape with at least one axis and every size ≥ 1, else an error naming {@code name}. */
    public static long[] require(String name, long[] stateShape) {
        Require.present(name, stateShape);
        Require.that(stateShape.length >= 1 && Arrays.stream(stateShape).allMatch(d -> d >= 1), name,
                "must be (channels, *space) with positive sizes, got " + Arrays.toString(stateShape));
        return stateShape;
    }

    /**
     * A trajectories' shape {@code (samples, time, channels, *space)} with every size ≥ 1, else an
     * error naming {@code name}, the shape and the empty axis.
     */
    public static long[] requireTrajectories(String name, long[] shape) {
        Require.present(name, shape);
        Require.that(shape.length >= 3, name,
                "must have shape (samples, time, channels, *space), got " + Arrays.toString(shape));
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 1) {
                throw new IllegalArgumentException(name + " must have shape (samples, time, channels, *space) with "
                        + "every size ≥ 1, got " + Arrays.toString(shape) + " (" + shape[axis] + " " + axisName(axis)
                        + ")");
            }
        }
        return shape;
    }

    private static String axisName(int axis) {
        return switch (axis) {
            case 0 -> "samples";
            case 1 -> "time levels";
            case 2 -> "channels";
            default -> "points along spatial axis " + (axis - 2);
        };
    }

    /** {@code stepper.checkState(stateShape)}, unless {@code stepper} is null; its error is prefixed {@code role.}. */
    public static void check(String role, Stepper stepper, long[] stateShape) {
        if (stepper != null) {
            named(role, () -> stepper.checkState(stateShape.clone()));
        }
    }

    /** {@code residuum.checkState(stateShape)}, unless {@code residuum} is null; its error is prefixed {@code role.}. */
    public static void check(String role, Residuum residuum, long[] stateShape) {
        if (residuum != null) {
            named(role, () -> residuum.checkState(stateShape.clone()));
        }
    }

    private static void named(String role, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(role + "." + e.getMessage(), e);
        }
    }
}
