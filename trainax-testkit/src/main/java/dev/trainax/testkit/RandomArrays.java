package dev.trainax.testkit;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random arrays that a seed fixes in every JVM, for reproducible checks. ND4J 1.0.0-M2.1's
 * {@code Nd4j.randn} and {@code Nd4j.rand} do not follow {@code Nd4j.getRandom().setSeed}: two
 * JVMs that set seed 0 drew different values, so checks built on them changed from run to run.
 */
public final class RandomArrays {

    private RandomArrays() {
    }

    /** Standard normal entries of {@code type} and {@code shape}, fixed by {@code seed}. */
    public static INDArray gaussian(long seed, DataType type, long... shape) {
        Random random = new Random(seed);
        double[] values = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.createFromArray(values).reshape(shape).castTo(type);
    }

    private static long length(long[] shape) {
        long length = 1;
        for (long size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("shape: sizes must be >= 0, got " + Arrays.toString(shape));
            }
            length *= size;
        }
        return length;
    }
}
