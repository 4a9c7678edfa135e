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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Float64 rollouts of reference steppers and the observed order of their time stepping. */
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

    /** Asserts an observed order within 0.3 of {@code expected}. */
    static void assertOrder(int expected, double observed) {
        assertTrue(Math.abs(observed - expected) < 0.3, "observed order " + observed + ", expected " + expected);
    }
}
