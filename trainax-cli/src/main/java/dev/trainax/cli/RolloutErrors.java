package dev.trainax.cli;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Metrics per rollout step of a network rolled out autoregressively from the initial states of
 * reference trajectories, in float64.
 *
 * @param names  the metrics' names
 * @param values {@code values[t - 1][m]}: metric m at rollout step t
 */
record RolloutErrors(List<String> names, double[][] values) {

    /**
     * Rolls {@code network} out {@code steps} steps from level 0 of {@code reference}
     * {@code (samples, time, *state)} and compares every step with the reference's level.
     */
    static RolloutErrors of(Engine engine, Network network, Parameters parameters, INDArray reference, int steps,
                            List<RolloutMetric> metrics) {
        INDArray trajectories = reference.castTo(DataType.DOUBLE);
        long[] stateShape = Arrays.copyOfRange(trajectories.shape(), 2, trajectories.rank());
        Rollout rollout = engine.compileRollout(network, parameters, stateShape, DataType.DOUBLE);
        INDArray predicted = rollout.trajectory(level(trajectories, 0), steps);
        double[][] values = new double[steps][metrics.size()];
        for (int t = 1; t <= steps; t++) {
            INDArray p = level(predicted, t);
            INDArray r = level(trajectories, t);
            for (int m = 0; m < metrics.size(); m++) {
                values[t - 1][m] = metrics.get(m).mean(p, r);
            }
        }
        return new RolloutErrors(metrics.stream().map(RolloutMetric::name).toList(), values);
    }

    static INDArray level(INDArray trajectories, int t) {
        return trajectories.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup();
    }

    /** Metric {@code m} at every step. */
    double[] column(int m) {
        return Arrays.stream(values).mapToDouble(row -> row[m]).toArray();
    }

    /** {@code step,<name>...} and one row per rollout step. */
    String csv() {
        StringBuilder csv = new StringBuilder("step");
        names.forEach(name -> csv.append(',').append(name));
        csv.append('\n');
        for (int t = 0; t < values.length; t++) {
            csv.append(t + 1);
            for (double value : values[t]) {
                csv.append(',').append(value);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
