package dev.trainax.trainers;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam update {@code θ ← θ − lr · (adam(g) + wd · θ)} as one loop over the arrays' memory,
 * with the formula and state layout of ND4J's {@code AdamUpdater} (first moments, then second
 * moments, in the state buffer), for small parameter vectors: ND4J's updater op plus the
 * learning-rate, weight-decay and parameter ops cost 45-70 µs a step for 2 parameters, this loop
 * 3-6 µs; at 1,000 parameters they are about even, and from there ND4J's vectorised ops win (0.4
 * against 1 ms for 28,161 parameters, where the loop's element accesses dominate).
 */
final class AdamStep {

    /** The most parameters this loop takes on. */
    static final long MAX_PARAMETERS = 1024;

    private AdamStep() {
    }

    /** Whether there are few parameters and the arrays are vectors without gaps, as this loop reads them. */
    static boolean applies(INDArray parameters, INDArray gradient, INDArray buffers) {
        return parameters.length() <= MAX_PARAMETERS && contiguous(parameters) && contiguous(gradient)
                && contiguous(buffers);
    }

    private static boolean contiguous(INDArray array) {
        return array.isVectorOrScalar() && array.elementWiseStride() == 1;
    }

    /**
     * Advances the moments in {@code buffers} by {@code gradient} at update {@code step} (0-based)
     * and moves {@code parameters}.
     */
    static void apply(Adam config, INDArray parameters, INDArray gradient, INDArray buffers, int step,
                      double learningRate, double weightDecay) {
        long n = parameters.length();
        double beta1 = config.getBeta1();
        double beta2 = config.getBeta2();
        double epsilon = config.getEpsilon();
        // ND4J's adam_updater: the bias corrections folded into one rate, epsilon outside the root
        double rate = Math.sqrt(1 - Math.pow(beta2, step + 1)) / (1 - Math.pow(beta1, step + 1));
        DataBuffer theta = parameters.data();
        DataBuffer g = gradient.data();
        DataBuffer moments = buffers.data();
        long thetaOffset = parameters.offset();
        long gradientOffset = gradient.offset();
        long first = buffers.offset();
        long second = first + n;
        for (long i = 0; i < n; i++) {
            double gi = g.getDouble(gradientOffset + i);
            double m = beta1 * moments.getDouble(first + i) + (1 - beta1) * gi;
            double v = beta2 * moments.getDouble(second + i) + (1 - beta2) * gi * gi;
            moments.put(first + i, m);
            moments.put(second + i, v);
            double value = theta.getDouble(thetaOffset + i);
            double update = m * rate / (Math.sqrt(v) + epsilon) + weightDecay * value;
            theta.put(thetaOffset + i, value - learningRate * update);
        }
    }
}
