package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Float64 rollouts of reference steppers, the observed order of their time stepping, and RK4 reference solutions. */
final class ConvergenceOrder {

    static final Engine ENGINE = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");

    private ConvergenceOrder() {
    }

    /** A float64 rollout of {@code pde} for states shaped like {@code state} (batch first). */
    static Rollout rollout(Stepper pde, INDArray state) {
        return ENGINE.compileRollout(pde, Parameters.of(Map.of()), Arrays.copyOfRange(state.shape(), 1,
                state.rank()), DataType.DOUBLE);
    }

    static INDArray steps(Rollout rollout, INDArray state, int count) {
        for (int i = 0; i < count; i++) {
            state = rollout.step(state);
        }
        return state;
    }

    /**
     * The observed order of the scheme after {@code stepsAtDt} steps of {@code dt}: the errors of
     * {@code dt} and {@code dt/2} against {@code dt/16}, the coarse one below 1% of the solution.
     */
    static double observed(DoubleFunction<Stepper> pde, INDArray start, double dt, int stepsAtDt) {
        INDArray fine = steps(rollout(pde.apply(dt / 16), start), start, 16 * stepsAtDt);
        double coarse = steps(rollout(pde.apply(dt), start), start, stepsAtDt).distance2(fine);
        double medium = steps(rollout(pde.apply(dt / 2), start), start, 2 * stepsAtDt).distance2(fine);
        assertTrue(coarse < 1e-2 * fine.norm2Number().doubleValue(), "error at dt " + coarse);
        return Math.log(coarse / medium) / Math.log(2);
    }

    /** {@code y(t)} of {@code y' = f(y)} by classic RK4 in {@code steps} steps of {@code h}: a reference solution. */
    static double[] rk4(UnaryOperator<double[]> f, double[] y, double h, int steps) {
        double[] state = y.clone();
        for (int i = 0; i < steps; i++) {
            double[] k1 = f.apply(state);
            double[] k2 = f.apply(axpy(h / 2, k1, state));
            double[] k3 = f.apply(axpy(h / 2, k2, state));
            double[] k4 = f.apply(axpy(h, k3, state));
            for (int j = 0; j < state.length; j++) {
                state[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        return state;
    }

    private static double[] axpy(double a, double[] x, double[] y) {
        double[] result = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            result[j] = a * x[j] + y[j];
        }
        return result;
    }

    /** Asserts an observed order within 0.3 of {@code expected}. */
    static void assertOrder(int expected, double observed) {
        assertTrue(Math.abs(observed - expected) < 0.3, "observed order " + observed + ", expected " + expected);
    }
}
