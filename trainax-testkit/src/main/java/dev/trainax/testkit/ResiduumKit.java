package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a {@link Residuum}: extend it in a JUnit 5 test and return a small
 * instance and its state shape.
 *
 * <p>Checks, in float64: {@code R(next, previous)} has the state shape with finite values; it is
 * bit-identical across compilations; each sample's residuum depends on that sample
 * alone; and, where the residuum is differentiable (residuum training differentiates it), its
 * gradients with respect to both the next and the previous state against central finite
 * differences.
 */
public abstract class ResiduumKit {

    /** The residuum under test. */
    protected abstract Residuum residuum();

    /** One state's shape {@code (channels, *space)} the residuum accepts. */
    protected abstract long[] stateShape();

    /** The engine, by default the one found through {@link dev.trainax.api.plugin.EngineProvider}. */
    protected Engine engine() {
        return KitSupport.engine();
    }

    /** States {@code (batch, *stateShape)} from {@code seed}; standard normal by default. */
    protected INDArray states(int batch, long seed) {
        return RandomArrays.gaussian(seed, DataType.DOUBLE, ReferenceStepperKit.batchShape(stateShape(), batch));
    }

    /** Whether gradients flow through the residuum; true by default. */
    protected boolean differentiable() {
        return true;
    }

    /** The largest relative error accepted from the finite-difference check; {@code 1e-5} by default. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    /** {@code R(next, previous)} evaluated by the engine: a stepper of {@code next} with {@code previous} fixed. */
    private INDArray evaluate(INDArray next, INDArray previous) {
        Residuum residuum = residuum();
        Stepper given = (context, state) -> residuum.apply(context, state, context.constant("previous", previous));
        return engine().compileRollout(given, Parameters.of(Map.of()), stateShape(), DataType.DOUBLE).step(next);
    }

    private static INDArray sample(INDArray states, int i) {
        return states.get(NDArrayIndex.interval(i, i + 1)).dup();
    }

    /** The residuum has the shape {@code (batch, *stateShape)} and finite values. */
    @Test
    public void outputHasTheStateShape() {
        INDArray next = states(3, 1);
        INDArray value = evaluate(next, states(3, 2));
        assertArrayEquals(next.shape(), value.shape(), residuum() + ": residuum shape");
        for (double entry : KitSupport.values(value)) {
            assertTrue(Double.isFinite(entry), residuum() + ": residuum must be finite, got " + entry);
        }
    }

    /** The same states give a bit-identical residuum from two compilations. */
    @Test
    public void evaluationIsDeterministic() {
        INDArray next = states(2, 3);
        INDArray previous = states(2, 4);
        double[] first = KitSupport.values(evaluate(next, previous));
        assertArrayEquals(first, KitSupport.values(evaluate(next, previous)), 0.0, residuum() + ": two compilations");
    }

    /** Sample i's residuum is that of sample i alone. */
    @Test
    public void samplesAreIndependent() {
        INDArray next = states(3, 5);
        INDArray previous = states(3, 6);
        INDArray together = evaluate(next, previous);
        for (int i = 0; i < 3; i++) {
            INDArray alone = evaluate(sample(next, i), sample(previous, i));
            assertArrayEquals(KitSupport.values(alone), KitSupport.values(sample(together, i)),
                    1e-12 * Math.max(1, alone.amaxNumber().doubleValue()),
                    residuum() + ": sample " + i + " in a batch of 3 against alone");
        }
    }

    /** The gradients of {@code mse(R(·, ·))} with respect to the next and to the previous state equal finite differences. */
    @Test
    public void stateGradientsMatchFiniteDifferences() {
        assumeTrue(differentiable(), "the residuum is declared not differentiable");
        Network offset = Programs.offset(stateShape());
        Parameters parameters = offset.initialParameters(7);
        INDArray windows = Nd4j.stack(1, states(2, 8), states(2, 9));
        for (boolean throughNext : new boolean[] {true, false}) {
            TrainingProblem problem = TrainingProblem.builder().configuration(Programs.residuumOf(throughNext, Tiny.mse()))
                    .network(offset, parameters).residuum(residuum()).stateShape(stateShape())
                    .dataType(DataType.DOUBLE).build();
            try (Objective objective = engine().compile(problem)) {
                GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
                assertTrue(result.maxRelativeError() < gradientTolerance(), residuum() + " with respect to the "
                        + (throughNext ? "next" : "previous") + " state: " + result);
            }
        }
    }
}
