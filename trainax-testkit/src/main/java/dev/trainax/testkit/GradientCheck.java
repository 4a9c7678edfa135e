package dev.trainax.testkit;

import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares an objective's gradient with central finite differences
 * {@code (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε} for every scalar parameter. Use a float64 objective.
 */
public final class GradientCheck {

    /**
     * The outcome of one check.
     *
     * @param maxRelativeError largest {@code |g − fd| / max(|g| + |fd|, floor)} over all entries
     * @param worstEntry       "parameter[index]" of that entry
     * @param analytic         the engine's gradient at the worst entry
     * @param numeric          the finite-difference estimate there
     * @param entries          number of entries checked
     */
    public record Result(double maxRelativeError, String worstEntry, double analytic, double numeric, long entries) {
        @Override
        public String toString() {
            return String.format("max relative error %.3e at %s (engine %.10g, finite differences %.10g) over %d entries",
                    maxRelativeError, worstEntry, analytic, numeric, entries);
        }
    }

    private GradientCheck() {
    }

    /**
     * Checks every entry; the relative error uses {@code floor} in its denominator so that entries
     * whose gradient is zero are compared absolutely.
     */
    public static Result check(Objective objective, Parameters parameters, INDArray windows, double epsilon,
                               double floor) {
        return check(objective, parameters, windows, TrainingProgress.START, epsilon, floor);
    }

    /**
     * The same at one update step of a run: the step's random inputs (noise, selections) stay
     * fixed while the parameters move, so the check sees that no gradient flows through them.
     */
    public static Result check(Objective objective, Parameters parameters, INDArray windows,
                               TrainingProgress progress, double epsilon, double floor) {
        Parameters theta = parameters.copy(DataType.DOUBLE);
        LossAndGradient analytic = objective.lossAndGradient(theta, windows, progress);
        double worst = 0;
        String worstEntry = "none";
        double worstAnalytic = 0;
        double worstNumeric = 0;
        long entries = 0;
        for (String name : theta.names()) {
            INDArray flat = theta.get(name);
            INDArray gradient = analytic.gradient().get(name);
            for (long i = 0; i < flat.length(); i++) {
                double original = flat.getDouble(i);
                flat.putScalar(i, original + epsilon);
                double plus = objective.loss(theta, windows, progress);
                flat.putScalar(i, original - epsilon);
                double minus = objective.loss(theta, windows, progress);
                flat.putScalar(i, original);
                double numeric = (plus - minus) / (2 * epsilon);
                double engine = gradient.getDouble(i);
                double error = Math.abs(engine - numeric) / Math.max(Math.abs(engine) + Math.abs(numeric), floor);
                entries++;
                if (error > worst || Double.isNaN(error)) {
                    worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                    worstEntry = name + "[" + i + "]";
                    worstAnalytic = engine;
                    worstNumeric = numeric;
                }
            }
        }
        return new Result(worst, worstEntry, worstAnalytic, worstNumeric, entries);
    }
}
