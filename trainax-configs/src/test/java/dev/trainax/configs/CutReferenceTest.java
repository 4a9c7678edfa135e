package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Cut options against hand-unrolled references: a cut turns the value behind it into a constant,
 * so the cut configuration's gradient must equal the gradient of cut-free configurations evaluated
 * on windows that start from those constants (computed here by a separate forward rollout).
 */
class CutReferenceTest {

    private static final Fixture FIXTURE = Fixture.smooth();
    private static final Rollout NETWORK = Fixture.ENGINE.compileRollout(FIXTURE.network, FIXTURE.parameters,
            new long[] {Fixture.DOF}, DataType.DOUBLE);
    private static final Rollout REFERENCE = Fixture.ENGINE.compileRollout(FIXTURE.reference,
            Parameters.of(Map.of()), new long[] {Fixture.DOF}, DataType.DOUBLE);

    private static INDArray level(INDArray windows, int t) {
        return windows.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).dup();
    }

    /** Windows whose level 0 is {@code start} and whose levels 1..k are data levels from+1..from+k. */
    private static INDArray restart(INDArray start, int from, int k) {
        List<INDArray> levels = new ArrayList<>();
        levels.add(start);
        for (int j = 1; j <= k; j++) {
            levels.add(level(FIXTURE.data, from + j));
        }
        return Nd4j.stack(1, levels.toArray(new INDArray[0]));
    }

    private static LossAndGradient on(Configuration configuration, INDArray windows) {
        try (var objective = FIXTURE.compile(configuration)) {
            return objective.lossAndGradient(FIXTURE.parameters, windows);
        }
    }

    private static void assertClose(LossAndGradient expected, LossAndGradient actual) {
        assertEquals(expected.loss(), actual.loss(), 1e-10 * Math.abs(expected.loss()), "loss");
        for (String name : expected.gradient().names()) {
            double scale = Math.max(expected.gradient().get(name).amaxNumber().doubleValue(), 1e-12);
            double difference = expected.gradient().get(name).sub(actual.gradient().get(name)).amaxNumber()
                    .doubleValue();
            assertTrue(difference <= 1e-9 * scale, name + ": relative difference " + difference / scale);
        }
    }

    private static LossAndGradient sum(List<LossAndGradient> parts) {
        LossAndGradient total = parts.get(0);
        for (LossAndGradient part : parts.subList(1, parts.size())) {
            total = new LossAndGradient(total.loss() + part.loss(), total.gradient().combine(part.gradient(),
                    INDArray::add));
        }
        return total;
    }

    /** Supervised with a cut every k steps is a chain of k-step supervised segments restarted from the rollout. */
    @ParameterizedTest(name = "r={0}, every={1}")
    @CsvSource({"3, 1", "4, 2", "7, 3"})
    void supervisedCutBpttRestartsSegments(int r, int every) {
        INDArray state = level(FIXTURE.data, 0);
        List<LossAndGradient> segments = new ArrayList<>();
        for (int start = 0; start < r; start += every) {
            int length = Math.min(every, r - start);
            segments.add(on(Supervised.of(length), restart(state, start, length)));
            for (int j = 0; j < length; j++) {
                state = NETWORK.step(state);
            }
        }
        assertClose(sum(segments), on(Supervised.of(r).withCutBptt(every), FIXTURE.data));
    }

    /** Cutting the diverted chain turns P(ûᵗ⁻¹) into fixed targets of a supervised rollout. */
    @Test
    void cutDivChainMakesTheReferenceStepsConstantTargets() {
        int r = 3;
        INDArray prediction = level(FIXTURE.data, 0);
        List<INDArray> levels = new ArrayList<>(List.of(prediction));
        for (int t = 0; t < r; t++) {
            levels.add(REFERENCE.step(prediction));
            prediction = NETWORK.step(prediction);
        }
        INDArray windows = Nd4j.stack(1, levels.toArray(new INDArray[0]));
        assertClose(on(Supervised.of(r), windows), on(DivertedChainBranchOne.of(r).withCutDivChain(), FIXTURE.data));
    }

    /** Pushforward is a g-step supervised rollout from the (constant) state after r − g network steps. */
    @Test
    void pushforwardStartsFromTheConstantPushedState() {
        INDArray pushed = NETWORK.step(NETWORK.step(level(FIXTURE.data, 0)));
        assertClose(on(Supervised.of(2), restart(pushed, 2, 2)), on(Pushforward.of(4, 2), FIXTURE.data));
    }

    /** Cutting both residuum inputs of a one-step residuum leaves no gradient at all. */
    @Test
    void residuumWithBothInputsCutHasNoGradient() {
        LossAndGradient cut = on(ResiduumTraining.of(1).withCuts(true, true), FIXTURE.data);
        assertTrue(cut.loss() > 0);
        assertEquals(0.0, Math.sqrt(cut.gradient().squaredNorm()), 0.0);
    }

    /** Residuum gradients split into the next-side and previous-side parts: full = cutPrev + cutNext (r = 1). */
    @Test
    void residuumCutsSplitTheGradient() {
        LossAndGradient full = on(ResiduumTraining.of(1), FIXTURE.data);
        LossAndGradient viaNext = on(ResiduumTraining.of(1).withCuts(true, false), FIXTURE.data);
        LossAndGradient viaPrev = on(ResiduumTraining.of(1).withCuts(false, true), FIXTURE.data);
        // at r = 1 the previous state is data, so all gradient flows through the next state
        assertClose(full, viaNext);
        assertEquals(0.0, Math.sqrt(viaPrev.gradient().squaredNorm()), 0.0);
    }
}
