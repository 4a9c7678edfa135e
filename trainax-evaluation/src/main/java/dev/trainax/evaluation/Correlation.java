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
        double[] values = new double[Math.toIntExact(rows[0].size(0))];
        for (int s = 0; s < values.length; s++) {
            INDArray ps = rows[0].getRow(s);
            INDArray rs = rows[1].getRow(s);
            INDArray pc = ps.sub(ps.meanNumber());
            INDArray rc = rs.sub(rs.meanNumber());
            double denominator = pc.norm2Number().doubleValue() * rc.norm2Number().doubleValue();
            values[s] = denominator > 0 ? pc.mul(rc).sumNumber().doubleValue() / denominator : 0;
        }
        return values;
    }

    @Override
    public String toString() {
        return name();
    }
}
