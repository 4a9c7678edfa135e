package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pointwise error metrics over channels and space, per sample, with e = p − r over the n
 * entries of a sample: {@code mae} Σ|e|/n, {@code mse} Σe²/n, {@code rmse} √(Σe²/n), and the
 * normalised forms divided by the same quantity of the reference: {@code nmae} Σ|e|/Σ|r|,
 * {@code nmse} ‖e‖²/‖r‖², {@code nrmse} ‖e‖/‖r‖ (a zero reference divides by 1e-300).
 */
public final class PointwiseMetric implements RolloutMetric {

    /** Which metric. */
    public enum Kind {
        /** Mean absolute error. */
        MAE,
        /** Mean squared error. */
        MSE,
        /** Root mean squared error. */
        RMSE,
        /** Absolute error normalised by the reference's absolute sum. */
        NMAE,
        /** Squared error normalised by the reference's squared norm. */
        NMSE,
        /** Error norm normalised by the reference's norm (APEBench's nRMSE). */
        NRMSE
    }

    private final Kind kind;

    private PointwiseMetric(Kind kind) {
        this.kind = kind;
    }

    /** The metric of {@code kind}. */
    public static PointwiseMetric of(Kind kind) {
        return new PointwiseMetric(java.util.Objects.requireNonNull(kind, "kind"));
    }

    /** {@code mae}. */
    public static PointwiseMetric mae() {
        return of(Kind.MAE);
    }

    /** {@code mse}. */
    public static PointwiseMetric mse() {
        return of(Kind.MSE);
    }

    /** {@code rmse}. */
    public static PointwiseMetric rmse() {
        return of(Kind.RMSE);
    }

    /** {@code nmae}. */
    public static PointwiseMetric nmae() {
        return of(Kind.NMAE);
    }

    /** {@code nmse}. */
    public static PointwiseMetric nmse() {
        return of(Kind.NMSE);
    }

    /** {@code nrmse}. */
    public static PointwiseMetric nrmse() {
        return of(Kind.NRMSE);
    }

    /** Which metric this is. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public double[] perSample(INDArray predicted, INDArray reference) {
        INDArray[] rows = States.rows(name(), predicted, reference, 0);
        // plain loops over the copied rows: per-sample ND4J ops cost ~1000x more on small states
        double[][] p = rows[0].toDoubleMatrix();
        double[][] r = rows[1].toDoubleMatrix();
        double[] values = new double[p.length];
        for (int s = 0; s < values.length; s++) {
            double absolute = 0;
            double squared = 0;
            double referenceAbsolute = 0;
            double referenceSquared = 0;
            for (int i = 0; i < p[s].length; i++) {
                double e = p[s][i] - r[s][i];
                absolute += Math.abs(e);
                squared += e * e;
                referenceAbsolute += Math.abs(r[s][i]);
                referenceSquared += r[s][i] * r[s][i];
            }
            double n = p[s].length;
            values[s] = switch (kind) {
                case MAE -> absolute / n;
                case MSE -> squared / n;
                case RMSE -> Math.sqrt(squared / n);
                case NMAE -> absolute / Math.max(referenceAbsolute, States.TINY);
                case NMSE -> squared / Math.max(referenceSquared, States.TINY);
                case NRMSE -> Math.sqrt(squared) / Math.max(Math.sqrt(referenceSquared), States.TINY);
            };
        }
        return values;
    }

    @Override
    public String toString() {
        return name();
    }
}
