package dev.trainax.evaluation;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Shape checks and per-sample views shared by the metrics. */
final class States {

    /** The smallest norm a normalised metric divides by (a zero reference gives the error's norm / 1e-300). */
    static final double TINY = 1e-300;

    private States() {
    }

    /**
     * Checks that both arrays are {@code (samples, channels, *space)} of one shape with at least
     * {@code minSpatialAxes} spatial axes and returns them as float64 rows {@code (samples, -1)}.
     */
    static INDArray[] rows(String metric, INDArray predicted, INDArray reference, int minSpatialAxes) {
        if (predicted == null || reference == null) {
            throw new IllegalArgumentException(metric + ": predicted and reference states are required");
        }
        if (!Arrays.equals(predicted.shape(), reference.shape())) {
            throw new IllegalArgumentException(metric + ": predicted and reference states must have one shape, got "
                    + Arrays.toString(predicted.shape()) + " and " + Arrays.toString(reference.shape()));
        }
        if (predicted.rank() < 2 + minSpatialAxes || predicted.size(0) < 1) {
            throw new IllegalArgumentException(metric + ": states must be (samples, channels"
                    + (minSpatialAxes > 0 ? ", *space) with at least " + minSpatialAxes + " spatial axis"
                    : ", *space)") + " and at least one sample, got shape " + Arrays.toString(predicted.shape()));
        }
        long samples = predicted.size(0);
        return new INDArray[] {asDouble(predicted).reshape(samples, -1), asDouble(reference).reshape(samples, -1)};
    }

    private static INDArray asDouble(INDArray array) {
        return array.dataType() == DataType.DOUBLE ? array : array.castTo(DataType.DOUBLE);
    }
}
