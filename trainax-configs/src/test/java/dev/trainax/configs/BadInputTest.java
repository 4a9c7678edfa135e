package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Mlp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Bad input fails early with a message naming the parameter. */
class BadInputTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    private static void assertFails(String expectedFragment, Executable action) {
        Exception error = assertThrows(RuntimeException.class, action);
        assertTrue(error.getMessage().contains(expectedFragment),
                "message should name '" + expectedFragment + "': " + error.getMessage());
    }

    @Test
    void weightsOfTheWrongLength() {
        assertFails("timeLevelWeights must have 3 entries", () -> Supervised.of(3).withTimeLevelWeights(1, 2));
        assertFails("branchLevelWeights must have 2 entries",
                () -> DivertedChain.of(3, 2).withWeights(null, new double[] {1}));
        assertFails("timeLevelWeights must have 4 entries",
                () -> new MixChainPostPhysics(2, 2, null, false, 1, new double[] {1, 1}));
        assertFails("weights must have 2 entries", () -> new Composite(List.of(Supervised.of(1),
                Supervised.of(2)), new double[] {1}));
    }

    @Test
    void stepCountsNearTheIntLimitAreRangeErrors() {
        assertFails("numRolloutSteps: must be ≤ 100000 (the most steps one configuration unrolls), got 2147483647",
                () -> Supervised.of(Integer.MAX_VALUE));
        assertFails("numRolloutSteps: must be ≤ 100000 (the most steps one configuration unrolls), got 2147483647",
                () -> DivertedChain.of(Integer.MAX_VALUE, 1));
        assertFails("numPostPhysicsSteps: must be ≤ 100000 (the most steps one configuration unrolls), got "
                + "2147483647", () -> new MixChainPostPhysics(1, Integer.MAX_VALUE, null, false, 1, null));
        assertFails("spec.configuration.numRolloutSteps: must be ≤ 100000 (the most steps one configuration "
                + "unrolls), got 2147483647", () -> PluginRegistry.load().create(PluginKind.CONFIGURATION,
                "teacher-forcing", Map.of("numRolloutSteps", Integer.MAX_VALUE), "spec.configuration"));
        Supervised.of(100_000);
    }

    @Test
    void branchLongerThanRollout() {
        assertFails("numBranchSteps must be ≤ numRolloutSteps = 2, got 3", () -> DivertedChain.of(2, 3));
    }

    @Test
    void nonPositiveCounts() {
        assertFails("numRolloutSteps: must be integer ≥ 1, got 0", () -> Supervised.of(0));
        assertFails("cutBpttEvery: must be integer ≥ 1, got 0", () -> Supervised.of(2).withCutBptt(0));
        assertFails("resetEvery: must be integer ≥ 1, got 0", () -> TeacherForcing.of(2, 0));
        assertFails("timeLevelWeights[1]: must be list of numbers, got NaN",
                () -> Supervised.of(2).withTimeLevelWeights(1, Double.NaN));
    }

    @Test
    void dataShorterThanTheRollout() {
        INDArray shortData = FIXTURE.data.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).dup();
        try (Objective objective = FIXTURE.compile(Supervised.of(5))) {
            assertFails("windows: the configuration needs 6 time levels",
                    () -> objective.loss(FIXTURE.parameters, shortData));
        }
    }

    @Test
    void wrongStateShape() {
        try (Objective objective = FIXTURE.compile(Supervised.of(1))) {
            assertFails("windows: must have shape (batch, ≥2 time levels, 10)",
                    () -> objective.loss(FIXTURE.parameters, Nd4j.zeros(DataType.DOUBLE, 5, 2, 11)));
        }
    }

    @Test
    void nanInData() {
        INDArray data = FIXTURE.data.dup();
        data.putScalar(new long[] {1, 1, 3}, Double.NaN);
        try (Objective objective = FIXTURE.compile(Supervised.of(2))) {
            assertFails("windows: contains NaN", () -> objective.lossAndGradient(FIXTURE.parameters, data));
        }
    }

    @Test
    void predictionAndTargetShapesDiffer() {
        // a stepper that drops the last point cannot be compared with the data
        Stepper shrinking = (context, state) -> state.get(SDIndex.all(), SDIndex.interval(0, 9));
        assertFails("shape mismatch in network step 1 output", () -> Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN))
                .configuration(Supervised.of(1)).network(shrinking, FIXTURE.parameters).stateShape(10)
                .dataType(DataType.DOUBLE).build()));
    }

    @Test
    void missingReferenceStepperOrResiduum() {
        assertFails("referenceStepper is required by configuration DivertedChain", () -> TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN))
                .configuration(DivertedChain.of(2, 1)).network(FIXTURE.network, FIXTURE.parameters).stateShape(10)
                .build());
        assertFails("residuum is required by configuration ResiduumTraining", () -> TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN))
                .configuration(ResiduumTraining.of(2)).network(FIXTURE.network, FIXTURE.parameters).stateShape(10).build());
    }

    @Test
    void normalizedLossNeedsATarget() {
        assertFails("timeLevelLoss must accept a single input",
                () -> new ResiduumTraining(2, MeanPowerLoss.nmse(BatchReduction.MEAN), false, 1, false, false, null));
    }

    @Test
    void parametersOfAnotherStructure() {
        try (Objective objective = FIXTURE.compile(Supervised.of(1))) {
            assertFails("parameters must have parameters", () -> objective.loss(
                    new Mlp(10, 4, 1, Activation.TANH).initialParameters(0),
                    FIXTURE.data));
        }
    }

    @Test
    void stochasticConfigurationsNameTheirBadOptions() {
        assertFails("noiseStd", () -> NoisySupervised.of(1, -0.1));
        assertFails("noiseStd", () -> NoisySupervised.of(1, Double.NaN));
        assertFails("maxPushSteps", () -> RandomPushforward.of(-1));
        assertFails("maxPushSteps: must be ≤ 100000", () -> RandomPushforward.of(Integer.MAX_VALUE));
        assertFails("endRolloutSteps must be ≥ startRolloutSteps = 3, got 2", () -> Curriculum.of(3, 2, 0.5));
        assertFails("rampFraction", () -> Curriculum.of(1, 2, 0));
        assertFails("rampFraction", () -> Curriculum.of(1, 2, 1.5));
        assertFails("startProbability", () -> ScheduledSampling.linear(2, 1.5, 0));
        assertFails("endProbability", () -> ScheduledSampling.linear(2, 1, -0.5));
        assertFails("sharpness", () -> ScheduledSampling.linear(2, 1, 0)
                .withDecay(ScheduledSampling.Decay.EXPONENTIAL, 0));
        assertFails("timeLevelWeights must have 2 entries", () -> new ScheduledSampling(2,
                ScheduledSampling.Decay.LINEAR, 1, 0, 5, null, new double[] {1}));
        assertFails("spec.configuration.decay", () -> PluginRegistry.load().create(PluginKind.CONFIGURATION,
                "scheduled-sampling", Map.of("decay", "cosine"), "spec.configuration"));
    }

    /** A program of its own, to reach the algebra's checks. */
    private static Configuration program(int levels, Function<RolloutOps, Scalar> body) {
        return new Configuration() {
            @Override
            public DataRequirement dataRequirement() {
                return new DataRequirement(levels, false, false);
            }

            @Override
            public Scalar loss(RolloutOps ops) {
                return body.apply(ops);
            }
        };
    }

    @Test
    void theAlgebrasRandomAndArithmeticOperationsCheckTheirArguments() {
        assertFails("probability must be in [0, 1], got 1.5", () -> FIXTURE.compile(program(2, ops -> ops.loss(null,
                ops.network(ops.randomSelect(1.5, ops.data(0), ops.data(1))), ops.data(1)))));
        assertFails("bound must be ≥ 1", () -> FIXTURE.compile(program(2, ops -> ops.loss(null,
                ops.network(ops.data(ops.randomInt(0))), ops.data(1)))));
        assertFails("weights must have 2 entries", () -> FIXTURE.compile(program(2, ops -> ops.loss(null,
                ops.network(ops.combine(new double[] {1}, List.of(ops.data(0), ops.data(1)))), ops.data(1)))));
        assertFails("states must not be empty", () -> FIXTURE.compile(program(2, ops -> ops.loss(null,
                ops.network(ops.combine(new double[0], List.of())), ops.data(1)))));
    }
}
