package dev.trainax.losses;

import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The per-sample value shared by the spectral losses: a measure {@code m} of the error,
 * {@code m(prediction − target)}, divided by {@code m(target)} when normalized, and {@code m(state)}
 * of a single input (a residuum), which only the plain form accepts.
 */
final class SpectralMeasure {

    private SpectralMeasure() {
    }

    /**
     * @param loss       the loss, named in the error for a missing target
     * @param normalized whether to divide by the target's measure
     * @param divisor    what the normalized loss divides by, in words
     * @param measure    the measure of one state, per sample
     */
    static SDVariable perSample(TimeLevelLoss loss, boolean normalized, String divisor,
                                UnaryOperator<SDVariable> measure, SDVariable prediction, SDVariable target) {
        if (target == null) {
            Require.that(!normalized, "target", "is required by the normalized loss " + loss
                    + " (it divides by " + divisor + "); use the plain form for a residuum");
            return measure.apply(prediction);
        }
        SDVariable error = measure.apply(prediction.sub(target));
        return normalized ? error.div(measure.apply(target)) : error;
    }
}
