package dev.trainax.trainers;

import dev.trainax.api.internal.Require;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All overlapping windows of {@code windowLength} consecutive time levels of trajectories
 * {@code (samples, time, *state)}, merged into one sample axis in sample-major order (window
 * {@code w} of trajectory {@code s} has index {@code s·W + w}, {@code W = time − windowLength + 1}).
 *
 * <p>Memory: the windows are never materialised. The stacker keeps one copy of the trajectories as
 * a Java {@code double[]} ({@code samples·time·stateSize} values, 8 bytes each) and
 * gathers a requested batch by copying each window's contiguous block; a batch costs
 * {@code batch·storedLevels·stateSize} values. With {@code onlyStoreInitialCondition} only level 0 of
 * each window is gathered (the window count is unchanged); with {@code doSubStacking = false} each
 * trajectory contributes only its first window.
 */
public final class TrajectorySubStacker {

    private final double[] values;
    private final long[] stateShape;
    private final int stateSize;
    private final int numTimeLevels;
    private final int windowsPerTrajectory;
    private final int numSamples;
    private final int storedLevels;
    private final DataType dataType;

    /**
     * @param trajectories              {@code (samples, time, *state)}, at least rank 3, finite values
     * @param windowLength              time levels per window, 1 ≤ windowLength ≤ time
     * @param doSubStacking             all overlapping windows (true) or only the first of each trajectory
     * @param onlyStoreInitialCondition gather only level 0 of each window
     */
    public TrajectorySubStacker(INDArray trajectories, int windowLength, boolean doSubStacking,
                                boolean onlyStoreInitialCondition) {
        Require.present("trajectories", trajectories);
        long[] shape = trajectories.shape();
        Require.that(shape.length >= 3, "trajectories",
                "must have shape (samples, time, *state) with rank ≥ 3, got " + Arrays.toString(shape));
        Require.that(trajectories.dataType().isFPType(), "trajectories",
                "must hold floating-point values, got " + trajectories.dataType());
        Require.atLeast("windowLength", windowLength, 1);
        Require.that(windowLength <= shape[1], "windowLength",
                "must be ≤ the trajectories' " + shape[1] + " time levels (numRolloutSteps + 1 ≤ time), got "
                        + windowLength);
        Require.that(Double.isFinite(trajectories.sumNumber().doubleValue()), "trajectories",
                "contain NaN or infinite values");
        this.stateShape = Arrays.copyOfRange(shape, 2, shape.length);
        this.stateSize = Math.toIntExact(Arrays.stream(stateShape).reduce(1, (a, b) -> a * b));
        this.numTimeLevels = Math.toIntExact(shape[1]);
        this.numSamples = Math.toIntExact(shape[0]);
        this.windowsPerTrajectory = doSubStacking ? numTimeLevels - windowLength + 1 : 1;
        this.storedLevels = onlyStoreInitialCondition ? 1 : windowLength;
        this.dataType = trajectories.dataType();
        this.values = trajectories.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    /** Number of windows over all trajectories. */
    public int numWindows() {
        return numSamples * windowsPerTrajectory;
    }

    /** Time levels in each gathered window. */
    public int storedLevels() {
        return storedLevels;
    }

    /** The shape of one state, {@code (channels, *space)}. */
    public long[] stateShape() {
        return stateShape.clone();
    }

    /** The trajectories' data type. */
    public DataType dataType() {
        return dataType;
    }

    /** Windows {@code (indices.length, storedLevels, *state)} in the trajectories' type. */
    public INDArray gather(int[] indices) {
        Require.that(indices.length > 0, "indices", "must not be empty");
        int block = storedLevels * stateSize;
        double[] batch = new double[indices.length * block];
        for (int i = 0; i < indices.length; i++) {
            int window = indices[i];
            Require.that(window >= 0 && window < numWindows(), "indices[" + i + "]",
                    "must be in [0, " + numWindows() + "), got " + window);
            int sample = window / windowsPerTrajectory;
            int start = window % windowsPerTrajectory;
            System.arraycopy(values, (sample * numTimeLevels + start) * stateSize, batch, i * block, block);
        }
        long[] shape = new long[stateShape.length + 2];
        shape[0] = indices.length;
        shape[1] = storedLevels;
        System.arraycopy(stateShape, 0, shape, 2, stateShape.length);
        return Nd4j.createFromArray(batch).castTo(dataType).reshape(shape);
    }

    /** Every window, for full-data losses. */
    public INDArray all() {
        int[] indices = new int[numWindows()];
        Arrays.setAll(indices, i -> i);
        return gather(indices);
    }
}
