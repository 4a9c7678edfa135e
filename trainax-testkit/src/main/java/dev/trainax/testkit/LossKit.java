package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a {@link TimeLevelLoss}: extend it in a JUnit 5 test, return the loss
 * from {@link #loss()} and declare its properties with the flags.
 *
 * <p>Checks, in float64 on states {@code (batch, 2, 5)}: the gradient with respect to the
 * prediction (and, for the single-input form, the state) against central finite differences;
 * {@code perSample} of shape {@code [batch]}, each sample's value its own; {@code batchLoss} the
 * mean or sum of {@code perSample} as {@code batchReduction()} says; zero for identical inputs,
 * symmetry and non-negativity where the flags declare them; and the single-input form defined
 * exactly when {@code acceptsSingleInput()}.
 */
public abstract class LossKit {

    private static final long[] STATE_SHAPE = {2, 5};

    /** The loss under test. */
    protected abstract TimeLevelLoss loss();

    /** The engine, by default the one found through {@link dev.trainax.api.plugin.EngineProvider}. */
    protected Engine engine() {
        return KitSupport.engine();
    }

    /** Whether {@code l(x, x) = 0} for every x; true by default. */
    protected boolean zeroForIdenticalInputs() {
        return true;
    }

    /** Whether {@code l(p, t) = l(t, p)}; false by default. */
    protected boolean symmetric() {
        return false;
    }

    /** Whether every per-sample value is ≥ 0; true by default. */
    protected boolean nonNegative() {
        return true;
    }

    /** The largest relative error accepted from the finite-difference check; {@code 1e-5} by default. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    /** Standard normal states {@code (batch, 2, 5)} from {@code seed}. */
    private static INDArray states(int batch, long seed) {
        return RandomArrays.gaussian(seed, DataType.DOUBLE, batch, STATE_SHAPE[0], STATE_SHAPE[1]);
    }

    /** {@code perSample} and {@code batchLoss} of {@code prediction} against {@code target} (null: single input). */
    private INDArray[] evaluate(INDArray prediction, INDArray target) {
        SameDiff graph = SameDiff.create();
        SDVariable p = graph.placeHolder("prediction", DataType.DOUBLE, -1, STATE_SHAPE[0], STATE_SHAPE[1]);
        SDVariable t = target == null ? null
                : graph.placeHolder("target", DataType.DOUBLE, -1, STATE_SHAPE[0], STATE_SHAPE[1]);
        LossContext context = new LossContext() {
            @Override
            public SameDiff graph() {
                return graph;
            }

            @Override
            public SDVariable meanPerSample(SDVariable x) {
                return x.mean(1, 2);
            }

            @Override
            public SDVariable meanOverAll(SDVariable x) {
                return x.mean();
            }
        };
        String perSample = loss().perSample(context, p, t).name();
        String batch = loss().batchLoss(context, p, t).name();
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("prediction", prediction);
        if (target != null) {
            feed.put("target", target);
        }
        Map<String, INDArray> values = graph.output(feed, perSample, batch);
        return new INDArray[] {values.get(perSample), values.get(batch)};
    }

    private double[] perSample(INDArray prediction, INDArray target) {
        return KitSupport.values(evaluate(prediction, target)[0]);
    }

    /** The gradient with respect to the prediction (and the single input) equals central finite differences. */
    @Test
    public void gradientMatchesFiniteDifferences() {
        Network offset = Programs.offset(STATE_SHAPE);
        Parameters parameters = offset.initialParameters(3);
        long[] windowShape = {3, 2, STATE_SHAPE[0], STATE_SHAPE[1]};
        INDArray windows = RandomArrays.gaussian(4, DataType.DOUBLE, windowShape);
        for (boolean single : loss().acceptsSingleInput() ? new boolean[] {false, true} : new boolean[] {false}) {
            TrainingProblem problem = TrainingProblem.builder().configuration(Programs.lossOf(loss(), single))
                    .network(offset, parameters).stateShape(STATE_SHAPE).dataType(DataType.DOUBLE).build();
            try (Objective objective = engine().compile(problem)) {
                GradientCheck.Result result = GradientCheck.check(objective, parameters, windows, 1e-6, 1e-4);
                assertTrue(result.maxRelativeError() < gradientTolerance(),
                        loss() + (single ? " (single input)" : "") + ": " + result);
            }
        }
    }

    /** {@code perSample} has one value per sample, and each is the value of its sample alone. */
    @Test
    public void perSampleValuesBelongToTheirSamples() {
        INDArray prediction = states(3, 5);
        INDArray target = states(3, 6);
        INDArray values = evaluate(prediction, target)[0];
        assertArrayEquals(new long[] {3}, values.shape(), loss() + ": perSample must have shape [batch]");
        for (int i = 0; i < 3; i++) {
            double alone = perSample(prediction.get(NDArrayIndex.interval(i, i + 1)).dup(),
                    target.get(NDArrayIndex.interval(i, i + 1)).dup())[0];
            assertEquals(alone, values.getDouble(i), 1e-12 * Math.max(1, Math.abs(alone)),
                    loss() + ": sample " + i + " in a batch of 3 against alone");
        }
    }

    /** {@code batchLoss} is the mean or the sum of {@code perSample}, as {@code batchReduction()} says. */
    @Test
    public void batchLossReducesThePerSampleValues() {
        INDArray[] values = evaluate(states(4, 7), states(4, 8));
        double[] perSample = KitSupport.values(values[0]);
        double sum = Arrays.stream(perSample).sum();
        double expected = loss().batchReduction() == BatchReduction.SUM ? sum : sum / perSample.length;
        assertEquals(1, values[1].length(), loss() + ": batchLoss must be a scalar");
        assertEquals(expected, values[1].getDouble(0), 1e-12 * Math.max(1, Math.abs(expected)),
                loss() + ": batchLoss against the " + loss().batchReduction() + " of perSample");
    }

    /** {@code l(x, x) = 0} (where declared). */
    @Test
    public void identicalInputsGiveZero() {
        assumeTrue(zeroForIdenticalInputs(), "the loss does not declare l(x, x) = 0");
        INDArray states = states(3, 9);
        for (double value : perSample(states, states.dup())) {
            assertEquals(0.0, value, 1e-14, loss() + ": l(x, x) per sample");
        }
    }

    /** {@code l(p, t) = l(t, p)} (where declared). */
    @Test
    public void isSymmetric() {
        assumeTrue(symmetric(), "the loss does not declare symmetry");
        INDArray p = states(3, 10);
        INDArray t = states(3, 11);
        assertArrayEquals(perSample(p, t), perSample(t, p), 1e-12, loss() + ": l(p, t) against l(t, p)");
    }

    /** Every per-sample value is finite and, where declared, ≥ 0. */
    @Test
    public void valuesAreFiniteAndNonNegativeWhereDeclared() {
        List<double[]> all = new ArrayList<>(List.of(perSample(states(4, 12), states(4, 13))));
        if (loss().acceptsSingleInput()) {
            all.add(perSample(states(4, 14), null));
        }
        for (double[] values : all) {
            IntStream.range(0, values.length).forEach(i -> {
                assertTrue(Double.isFinite(values[i]), loss() + ": sample " + i + " is " + values[i]);
                assertTrue(!nonNegative() || values[i] >= 0, loss() + ": declared non-negative, sample " + i + " is "
                        + values[i]);
            });
        }
    }

    /** The single-input form gives one value per sample exactly when {@code acceptsSingleInput()}, else it is refused. */
    @Test
    public void singleInputFormExactlyWhenAccepted() {
        INDArray states = states(3, 15);
        if (loss().acceptsSingleInput()) {
            INDArray values = evaluate(states, null)[0];
            assertArrayEquals(new long[] {3}, values.shape(), loss() + ": single-input perSample must have shape [batch]");
        } else {
            assertThrows(IllegalArgumentException.class, () -> evaluate(states, null),
                    loss() + " does not accept a single input, so perSample(prediction, null) must throw");
        }
    }
}
