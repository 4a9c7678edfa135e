package dev.trainax.nn;

import dev.trainax.api.StepContext;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Equinox's {@code GroupNorm} with one group, as pdequinox's blocks use it: each sample
 * standardised over all its channels and points (ε = 10⁻⁵), then scaled by {@code <prefix>weight}
 * and shifted by {@code <prefix>bias}, one of each per channel (initially ones and zeros).
 */
final class GroupNorm {

    private static final double EPSILON = 1e-5;

    private GroupNorm() {
    }

    /** The scale and shift of a norm over {@code channels}. */
    static void initialise(Map<String, INDArray> arrays, String prefix, int channels) {
        arrays.put(prefix + "weight", Nd4j.ones(channels));
        arrays.put(prefix + "bias", Nd4j.zeros(channels));
    }

    /** The norm of {@code x}, {@code (batch, channels, *space)} of rank {@code rank}. */
    static SDVariable apply(StepContext context, SDVariable x, String prefix, int channels, int rank) {
        int[] axes = new int[rank - 1];
        for (int a = 0; a < axes.length; a++) {
            axes[a] = a + 1;
        }
        SDVariable centred = x.sub(x.mean(true, axes));
        SDVariable variance = centred.mul(centred).mean(true, axes);
        SDVariable standardised = centred.div(context.graph().math().sqrt(variance.add(EPSILON)));
        long[] perChannel = new long[rank];
        Arrays.fill(perChannel, 1);
        perChannel[1] = channels;
        return standardised.mul(context.parameter(prefix + "weight").reshape(perChannel))
                .add(context.parameter(prefix + "bias").reshape(perChannel));
    }
}
