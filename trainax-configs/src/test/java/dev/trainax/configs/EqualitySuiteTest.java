package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.engine.LossAndGradient;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Trainax's loss-and-gradient equalities between configurations, on its MLP setting in float64. */
class EqualitySuiteTest {

    private static final Fixture FIXTURE = Fixture.equalitySuite();
    private static final double TOLERANCE = 1e-6;

    static void assertEquivalent(Configuration first, Configuration second) {
        LossAndGradient a = FIXTURE.evaluate(first);
        LossAndGradient b = FIXTURE.evaluate(second);
        assertTrue(a.loss() > 0, "loss must be positive, got " + a.loss());
        assertEquals(a.loss(), b.loss(), TOLERANCE * Math.abs(a.loss()), "loss");
        double norm = Math.sqrt(a.gradient().squaredNorm());
        assertTrue(norm > 0, "gradient must not vanish");
        for (String name : a.gradient().names()) {
            INDArray difference = a.gradient().get(name).sub(b.gradient().get(name));
            double maxDifference = difference.amaxNumber().doubleValue();
            double scale = Math.max(a.gradient().get(name).amaxNumber().doubleValue(), 1e-12);
            assertTrue(maxDifference <= TOLERANCE * scale, name + ": relative difference " + maxDifference / scale);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void branchOneEqualsDivertedChainWithBranchOne(int r) {
        assertEquivalent(DivertedChain.of(r, 1), DivertedChainBranchOne.of(r));
        assertEquivalent(DivertedChain.of(r, 1).withCutBptt(1), DivertedChainBranchOne.of(r).withCutBptt(1));
        assertEquivalent(DivertedChain.of(r, 1).withCutDivChain(), DivertedChainBranchOne.of(r).withCutDivChain());
        assertEquivalent(DivertedChain.of(r, 1).withCutBptt(1).withCutDivChain(),
                DivertedChainBranchOne.of(r).withCutBptt(1).withCutDivChain());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void branchOneSparseBptt(int r) {
        assertEquivalent(DivertedChain.of(r, 1).withCutBptt(3), DivertedChainBranchOne.of(r).withCutBptt(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void fullBranchEqualsSupervised(int r) {
        assertEquivalent(DivertedChain.of(r, r), Supervised.of(r));
        assertEquivalent(DivertedChain.of(r, r).withCutBptt(1), Supervised.of(r).withCutBptt(1));
        assertEquivalent(DivertedChain.of(r, r).withCutDivChain(), Supervised.of(r));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void fullBranchSparseBptt(int r) {
        assertEquivalent(DivertedChain.of(r, r).withCutBptt(3), Supervised.of(r).withCutBptt(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void teacherForcingLimitsAreSupervised(int r) {
        assertEquivalent(TeacherForcing.of(r, r), Supervised.of(r));
        assertEquivalent(TeacherForcing.of(r, r).withCutBptt(2), Supervised.of(r).withCutBptt(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void pushforwardOverWholeRolloutIsSupervised(int r) {
        assertEquivalent(Pushforward.of(r, r), Supervised.of(r));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void compositeIsTheWeightedSum(int r) {
        Configuration composite = new Composite(List.of(Supervised.of(r), Supervised.of(r)),
                new double[] {0.25, 0.75});
        assertEquivalent(composite, Supervised.of(r));
    }
}
