package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An evaluation metric of one rollout step: compares predicted states with reference states of
 * the same time level, sample by sample, and reports the mean over the samples (APEBench's
 * {@code mean_*} convention, e.g. {@code mean_nRMSE}). Metrics are plain values computed after a
 * rollout, outside any gradient; {@code trainax evaluate} writes one column per metric.
 *
 * <p>Both arrays are {@code (samples, channels, *space)} in float64 (zero or more spatial axes),
 * of one shape; an implementation throws {@link IllegalArgumentException} naming the shapes
 * otherwise, or when it needs spatial axes the states lack.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RolloutMetric {

    /** The metric's name as a column heading, e.g. {@code nrmse}: no commas, quotes or line breaks. */
    String name();

    /**
     * The metric of each sample, length {@code samples}.
     *
     * @param predicted states {@code (samples, channels, *space)}, float64
     * @param reference states of the same shape
     * @throws IllegalArgumentException if the shapes differ or the metric cannot compare them
     */
    double[] perSample(INDArray predicted, INDArray reference);

    /** The mean over samples of {@link #perSample}: the value reported per rollout step. */
    default double mean(INDArray predicted, INDArray reference) {
        double[] values = perSample(predicted, reference);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
