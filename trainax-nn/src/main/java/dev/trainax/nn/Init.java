package dev.trainax.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch/Equinox default initialisation: weights and biases uniform in
 * {@code [-1/√fanIn, 1/√fanIn]}, and scaled normal weights (pdequinox's spectral convolutions),
 * drawn from a {@link SplittableRandom} so that a seed gives the same values on every platform and
 * backend.
 */
final class Init {

    private Init() {
    }

    static INDArray uniform(SplittableRandom random, long fanIn, long... shape) {
        double bound = 1.0 / Math.sqrt(fanIn);
        double[] values = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-bound, bound);
        }
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(shape);
    }

    /** Standard normal values times {@code scale}, float32. */
    static INDArray normal(SplittableRandom random, double scale, long... shape) {
        double[] values = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(shape);
    }

    private static long length(long[] shape) {
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        return length;
    }
}
