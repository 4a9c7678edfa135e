package dev.trainax.evaluation;

import dev.trainax.api.RolloutMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Pearson correlation of prediction and reference over channels and space, per sample
 * (APEBench's {@code correlation}); 0 where either is constant.
 */
public final class Correlation implements RolloutMetric {

    /** The correlation metric. */
    public Correlation() {
    }

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public double[] perSample(INDArray predicted, INDArray reference) {
        INDArray[] rows = States.rows(name(), predicted, reference, 0);
        // plain loops over the copied rows: per-sample ND4J ops cost ~1000x more on small states
        double[][] p = rows[0].toDoubleMatrix();
        double[][] r = rows[1].toDoubleMatrix();
        double[] values = new double[p.length];
        for (int s = 0; s < values.length; s++) {
            if (isConstant(p[s]) || isConstant(r[s])) {
                continue;  // 0; a rounded mean would leave a tiny spread and an arbitrary quotient
            }
            double meanP = mean(p[s]);
            double meanR = mean(r[s]);
            double covariance = 0;
            double varianceP = 0;
            double varianceR = 0;
            for (int i = 0; i < p[s].length; i++) {
                double pc = p[s][i] - meanP;
                double rc = r[s][i] - meanR;
                covariance += pc * rc;
                varianceP += pc * pc;
                varianceR += rc * rc;
            }
            values[s] = covariance / (Math.sqrt(varianceP) * Math.sqrt(varianceR));
        }
        return values;
    }

    private static boolean isConstant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    @Override
    public String toString() {
        return name();
    }
}
