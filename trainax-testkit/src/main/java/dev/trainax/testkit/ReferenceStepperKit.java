package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a reference {@link Stepper} (physics with fixed arrays, no parameters):
 * extend it in a JUnit 5 test and return a small instance and its state shape.
 *
 * <p>Checks, in float64: one step keeps the state shape with finite values; it is bit-identical
 * twice and across compilations; each sample's next state is its own; and, where the stepper is
 * differentiable (diverted chains and mix chains differentiate through it), its gradient with
 * respect to the input state against central finite differences.
 */
public abstract class ReferenceStepperKit {

    /** The stepper under test. */
    protected abstract Stepper stepper();

    /** One state's shape {@code (channels, *space)} the stepper accepts. */
    protected abstract long[] stateShape();

    /** The engine, by default the one found through {@link dev.trainax.api.plugin.EngineProvider}. */
    protected Engine engine() {
        return KitSupport.engine();
    }

    /** States {@code (batch, *stateShape)} from {@code seed}; standard normal by default. */
    protected INDArray states(int batch, long seed) {
        return RandomArrays.gaussian(seed, DataType.DOUBLE, batchShape(stateShape(), batch));
    }

    /** Whether gradients flow through the stepper; true by default. */
    protected boolean differentiable() {
        return true;
    }

    /** The largest relative error accepted from the finite-difference check; {@code 1e-5} by default. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    static long[] batchShape(long[] stateShape, long... leading) {
        long[] shape = new long[stateShape.length + leading.length];
        System.arraycopy(leading, 0, shape, 0, leading.length);
        System.arraycopy(stateShape, 0, shape, leading.length, stateShape.length);
        return shape;
    }

    private Rollout rollout() {
        return engine().compileRollout(stepper(), Parameters.of(Map.of()), stateShape(), DataType.DOUBLE);
    }

    /** One step keeps the shape {@code (batch, *stateShape)} and gives finite values. */
    @Test
    public void outputHasTheStateShape() {
        INDArray states = states(3, 1);
        INDArray next = rollout().step(states);
        assertArrayEquals(states.shape(), next.shape(), stepper() + ": output shape");
        for (double value : KitSupport.values(next)) {
            assertTrue(Double.isFinite(value), stepper() + ": next state must be finite, got " + value);
        }
    }

    /** The same states give bit-identical next states, twice and from a second compilation. */
    @Test
    public void stepIsDeterministic() {
        Rollout rollout = rollout();
        INDArray states = states(2, 2);
        double[] first = KitSupport.values(rollout.step(states));
        assertArrayEquals(first, KitSupport.values(rollout.step(states)), 0.0, stepper() + ": two steps");
        assertArrayEquals(first, KitSupport.values(rollout().step(states)), 0.0, stepper() + ": a second compilation");
    }

    /** Sample i's next state is that of sample i alone, whatever the other samples hold. */
    @Test
    public void samplesAreIndependent() {
        Rollout rollout = rollout();
        INDArray states = states(3, 3);
        INDArray together = rollout.step(states);
        for (int i = 0; i < 3; i++) {
            INDArray alone = rollout.step(states.get(NDArrayIndex.interval(i, i + 1)).dup());
            assertArrayEquals(KitSupport.values(alone), KitSupport.values(together.get(NDArrayIndex.interval(i, i + 1))),
                    1e-12 * Math.max(1, alone.amaxNumber().doubleValue()),
                    stepper() + ": sample " + i + " in a batch of 3 against alone");
        }
    }

    /** The gradient of {@code mse(P(u + θ), target)} with respect to θ equals central finite differences. */
    @Test
    public void stateGradientMatchesFiniteDifferences() {
        assumeTrue(differentiable(), "the stepper is declared not differentiable");
        Network offset = Programs.offset(stateShape());
        Parameters parameters = offset.initialParameters(4);
        INDArray windows = Nd4j.stack(1, states(2, 5), states(2, 6));
        TrainingProblem problem = TrainingProblem.builder().configuration(Programs.referenceOf(Tiny.mse()))
                .network(offset, parameters).referenceStepper(stepper()).stateShape(stateShape())
                .dataType(DataType.DOUBLE).build();
        try (Objective objective = engine().compile(problem)) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
            assertTrue(result.maxRelativeError() < gradientTolerance(), stepper() + ": " + result);
        }
    }
}
