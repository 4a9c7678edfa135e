package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a {@link Network}: extend it in a JUnit 5 test and return a small
 * instance (a few dozen parameters keep the finite differences fast) and its state shape.
 *
 * <p>Checks, in float64: the output has the input's state shape; the gradient of a two-step
 * supervised rollout against central finite differences; each sample's output independent of the
 * other samples in the batch; {@code initialParameters(seed)} reproducible, finite and different
 * for another seed; one step bit-identical twice; and ensemble members evaluated together equal to
 * members evaluated alone ({@link EnsembleCheck}, batched when the network is a
 * {@link dev.trainax.api.MemberBatchedNetwork}).
 */
public abstract class NetworkKit {

    /** The network under test. */
    protected abstract Network network();

    /** One state's shape {@code (channels, *space)} the network accepts. */
    protected abstract long[] stateShape();

    /** The engine, by default the one found through {@link dev.trainax.api.plugin.EngineProvider}. */
    protected Engine engine() {
        return KitSupport.engine();
    }

    /** The largest relative error accepted from the finite-difference check; {@code 1e-5} by default. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    private Parameters parameters(long seed) {
        return network().initialParameters(seed).copy(DataType.DOUBLE);
    }

    /** Standard normal states {@code (batch, *stateShape)} from {@code seed}. */
    private INDArray states(int batch, long seed) {
        long[] shape = new long[stateShape().length + 1];
        shape[0] = batch;
        System.arraycopy(stateShape(), 0, shape, 1, stateShape().length);
        return RandomArrays.gaussian(seed, DataType.DOUBLE, shape);
    }

    private Rollout rollout() {
        return engine().compileRollout(network(), parameters(1), stateShape(), DataType.DOUBLE);
    }

    private TrainingProblem problem(Parameters parameters) {
        return TrainingProblem.builder().configuration(Programs.supervised(2, 0, Tiny.mse()))
                .network(network(), parameters).stateShape(stateShape()).dataType(DataType.DOUBLE).build();
    }

    /** Windows of three standard normal levels, the targets of a two-step rollout. */
    private INDArray windows() {
        long[] shape = new long[stateShape().length + 2];
        shape[0] = 2;
        shape[1] = 3;
        System.arraycopy(stateShape(), 0, shape, 2, stateShape().length);
        return RandomArrays.gaussian(21, DataType.DOUBLE, shape);
    }

    /** One step keeps the shape {@code (batch, *stateShape)} and gives finite values. */
    @Test
    public void outputHasTheStateShape() {
        INDArray states = states(3, 2);
        INDArray next = rollout().step(states);
        assertArrayEquals(states.shape(), next.shape(), network() + ": output shape");
        for (double value : KitSupport.values(next)) {
            assertTrue(Double.isFinite(value), network() + ": output must be finite, got " + value);
        }
    }

    /** The gradient of a two-step supervised MSE rollout equals central finite differences. */
    @Test
    public void gradientMatchesFiniteDifferences() {
        Parameters parameters = parameters(1);
        try (Objective objective = engine().compile(problem(parameters))) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters, windows(), 1e-6, 1e-4);
            assertEquals(parameters.count(), result.entries(), "every parameter entry checked");
            assertTrue(result.maxRelativeError() < gradientTolerance(), network() + ": " + result);
        }
    }

    /** Sample i's output is the output of sample i alone, whatever the other samples hold. */
    @Test
    public void samplesAreIndependent() {
        Rollout rollout = rollout();
        INDArray states = states(3, 3);
        INDArray together = rollout.step(states);
        INDArray changed = Nd4j.concat(0, states.get(NDArrayIndex.interval(0, 1)).dup(),
                states(2, 4));
        INDArray withOthersChanged = rollout.step(changed);
        for (int i = 0; i < 3; i++) {
            INDArray alone = rollout.step(states.get(NDArrayIndex.interval(i, i + 1)).dup());
            assertArrayEquals(KitSupport.values(alone), KitSupport.values(together.get(NDArrayIndex.interval(i, i + 1))),
                    1e-12 * Math.max(1, alone.amaxNumber().doubleValue()),
                    network() + ": sample " + i + " in a batch of 3 against alone");
        }
        assertArrayEquals(KitSupport.values(together.get(NDArrayIndex.interval(0, 1))),
                KitSupport.values(withOthersChanged.get(NDArrayIndex.interval(0, 1))),
                1e-12 * Math.max(1, together.amaxNumber().doubleValue()),
                network() + ": sample 0 changed when only samples 1 and 2 changed");
    }

    /** The same seed gives the same parameters; another seed the same names and shapes but other values. */
    @Test
    public void initialParametersAreReproducible() {
        Parameters first = network().initialParameters(7);
        Parameters again = network().initialParameters(7);
        Parameters other = network().initialParameters(8);
        assertTrue(first.count() > 0, network() + ": a network has parameters");
        first.requireSameStructure("initialParameters(7) twice", again);
        first.requireSameStructure("initialParameters(8)", other);
        boolean differs = false;
        for (String name : first.names()) {
            double[] values = KitSupport.values(first.get(name));
            assertArrayEquals(values, KitSupport.values(again.get(name)), 0.0,
                    network() + ": initialParameters(7) twice differ in '" + name + "'");
            for (double value : values) {
                assertTrue(Double.isFinite(value), network() + ": '" + name + "' must be finite, got " + value);
            }
            differs |= !Arrays.equals(values, KitSupport.values(other.get(name)));
        }
        assertTrue(differs, network() + ": seeds 7 and 8 gave identical parameters");
    }

    /** One step of the same states is bit-identical twice. */
    @Test
    public void stepIsDeterministic() {
        Rollout rollout = rollout();
        INDArray states = states(2, 5);
        assertArrayEquals(KitSupport.values(rollout.step(states)), KitSupport.values(rollout.step(states)), 0.0,
                network() + ": two steps of the same states");
        assertArrayEquals(KitSupport.values(rollout.step(states)), KitSupport.values(rollout().step(states)), 0.0,
                network() + ": the same step from a second compilation");
    }

    /** Three members evaluated together equal three separate evaluations, loss and gradient. */
    @Test
    public void ensembleMembersEqualSeparateEvaluations() {
        List<Parameters> members = List.of(parameters(1), parameters(2), parameters(3));
        EnsembleCheck.Result result = EnsembleCheck.check(engine(), problem(members.get(0)), members, windows());
        assertEquals(3, result.members());
        assertTrue(result.maxLossError() < 1e-10 && result.maxGradientError() < 1e-10, network() + ": " + result);
        try (var ensemble = engine().compileEnsemble(problem(members.get(0)), 3)) {
            double[] losses = ensemble.losses(members, windows());
            assertFalse(losses[0] == losses[1] && losses[1] == losses[2],
                    network() + ": members with different parameters must have different losses");
        }
    }
}
