package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Objective;
import dev.trainax.losses.CompositeLoss;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.testkit.GradientCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every configuration and option against central finite differences in float64. */
class FiniteDifferenceTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    /**
     * Every configuration without gradient cuts: there the engine's gradient is the derivative of
     * the loss, which finite differences measure. (A cut changes the gradient on purpose; cut
     * options are checked against hand-unrolled references in {@link CutReferenceTest}.)
     */
    static Stream<Arguments> configurations() {
        double[] w3 = {0.5, 1.0, 2.0};
        return Stream.of(
                Arguments.of("supervised r=3", Supervised.of(3)),
                Arguments.of("supervised with weights", Supervised.of(4).withTimeLevelWeights(1, 0.5, 0.25, 0.125)),
                Arguments.of("diverted chain r=3 b=2", DivertedChain.of(3, 2)),
                Arguments.of("diverted chain with weights", DivertedChain.of(4, 2)
                        .withWeights(new double[] {1, 2, 3, 4}, new double[] {0.3, 0.7})),
                Arguments.of("diverted chain branch one", DivertedChainBranchOne.of(3)),
                Arguments.of("mix chain r=2 p=2", MixChainPostPhysics.of(2, 2)),
                Arguments.of("mix chain with weights", new MixChainPostPhysics(2, 1, null, false, 1,
                        new double[] {2, 0.5, 1})),
                Arguments.of("residuum r=3", ResiduumTraining.of(3)),
                Arguments.of("composite", new Composite(List.of(Supervised.of(2), ResiduumTraining.of(2),
                        DivertedChainBranchOne.of(1)), w3)),
                Arguments.of("teacher forcing", TeacherForcing.of(5, 2)),
                Arguments.of("pushforward without push steps", Pushforward.of(2, 2)));
    }

    static Stream<Arguments> losses() {
        TimeLevelLoss composite = new CompositeLoss(List.of(MeanPowerLoss.mse(BatchReduction.MEAN),
                MeanPowerLoss.mae(BatchReduction.MEAN)), new double[] {1.0, 0.5});
        return Stream.of(
                Arguments.of("mse sum", MeanPowerLoss.mse(BatchReduction.SUM)),
                Arguments.of("mae", MeanPowerLoss.mae(BatchReduction.MEAN)),
                Arguments.of("rmse", MeanPowerLoss.rmse(BatchReduction.MEAN)),
                Arguments.of("nmse", MeanPowerLoss.nmse(BatchReduction.MEAN)),
                Arguments.of("nmae", MeanPowerLoss.nmae(BatchReduction.MEAN)),
                Arguments.of("nrmse", MeanPowerLoss.nrmse(BatchReduction.MEAN)),
                Arguments.of("l3", MeanPowerLoss.lp(3, false, BatchReduction.MEAN)),
                Arguments.of("normalized l1.5", MeanPowerLoss.lp(1.5, true, BatchReduction.SUM)),
                Arguments.of("composite", composite));
    }

    private static void check(String name, Configuration configuration) {
        try (Objective objective = FIXTURE.compile(configuration)) {
            GradientCheck.Result result = GradientCheck.check(objective, FIXTURE.parameters, FIXTURE.data, 1e-6, 1e-4);
            assertTrue(result.entries() > 200, "all parameters checked");
            assertTrue(result.maxRelativeError() < 1e-5, name + ": " + result);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void gradientMatchesFiniteDifferences(String name, Configuration configuration) {
        check(name, configuration);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void everyLossHasExactGradients(String name, TimeLevelLoss loss) {
        check(name, Supervised.of(2).withLoss(loss));
    }
}
