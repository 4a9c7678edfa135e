package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The limits of the stochastic and scheduled configurations, on Trainax's MLP setting in float64:
 * each equals the deterministic configuration it reduces to, at the first step and late in a run
 * (where its random values and schedule differ), and its randomness follows the seed and the step.
 */
class StochasticConfigurationsTest {

    private static final Fixture FIXTURE = Fixture.equalitySuite();
    private static final List<TrainingProgress> PROGRESSES = List.of(TrainingProgress.START,
            new TrainingProgress(3, 5, 10), new TrainingProgress(11, 99, 100));

    private static LossAndGradient evaluate(Configuration configuration, TrainingProgress progress) {
        try (Objective objective = FIXTURE.compile(configuration)) {
            return objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data, progress);
        }
    }

    private static void assertBitIdentical(LossAndGradient expected, LossAndGradient actual, String what) {
        assertTrue(expected.loss() > 0, what + ": loss must be positive");
        assertEquals(expected.loss(), actual.loss(), 0.0, what + ": loss");
        for (String name : expected.gradient().names()) {
            assertEquals(expected.gradient().get(name), actual.gradient().get(name), what + ": gradient " + name);
        }
    }

    /** Equal up to {@code 1e-12} relative: for programs that add exact zeros in another order. */
    private static void assertEqualsClosely(LossAndGradient expected, LossAndGradient actual, String what) {
        assertTrue(expected.loss() > 0, what + ": loss must be positive");
        assertEquals(expected.loss(), actual.loss(), 1e-12 * expected.loss(), what + ": loss");
        for (String name : expected.gradient().names()) {
            INDArray a = expected.gradient().get(name);
            double scale = Math.max(a.amaxNumber().doubleValue(), 1e-300);
            double difference = a.sub(actual.gradient().get(name)).amaxNumber().doubleValue();
            assertTrue(difference <= 1e-12 * scale, what + ": gradient " + name + " differs by " + difference / scale);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void noiseOfZeroIsSupervisedExactly(int r) {
        for (TrainingProgress progress : PROGRESSES) {
            LossAndGradient supervised = evaluate(Supervised.of(r), progress);
            assertBitIdentical(supervised, evaluate(NoisySupervised.of(r, 0.0), progress), "σ = 0 at " + progress);
            assertBitIdentical(supervised, evaluate(NoisySupervised.of(r, 0.0).withRelativeNoise(), progress),
                    "relative σ = 0 at " + progress);
        }
    }

    @Test
    void noiseChangesWithTheStepAndTheSeedOnly() {
        Configuration noisy = NoisySupervised.of(2, 0.1);
        double first = evaluate(noisy, new TrainingProgress(1, 4, 10)).loss();
        assertEquals(first, evaluate(noisy, new TrainingProgress(1, 4, 10)).loss(), 0.0, "same seed and step");
        assertEquals(first, evaluate(noisy, new TrainingProgress(1, 4, 50)).loss(), 0.0,
                "the total steps do not enter the noise");
        assertNotEquals(first, evaluate(noisy, new TrainingProgress(1, 5, 10)).loss(), "next step");
        assertNotEquals(first, evaluate(noisy, new TrainingProgress(2, 4, 10)).loss(), "other seed");
        assertNotEquals(first, evaluate(Supervised.of(2), TrainingProgress.START).loss(), "noise acts");
    }

    /** Relative noise on initial states whose per-sample RMS is 1 is the absolute noise; elsewhere it differs. */
    @Test
    void relativeNoiseScalesWithEachSamplesRms() {
        TrainingProgress progress = new TrainingProgress(5, 2, 10);
        INDArray data = FIXTURE.data.dup();
        INDArray initial = data.get(NDArrayIndex.all(), NDArrayIndex.point(0));
        INDArray rms = Transforms.sqrt(initial.mul(initial).mean(1)).reshape(-1, 1);
        assertTrue(rms.sub(1).amaxNumber().doubleValue() > 0.1, "the data's RMS is not 1 already: " + rms);
        try (Objective relative = FIXTURE.compile(NoisySupervised.of(1, 0.5).withRelativeNoise());
             Objective absolute = FIXTURE.compile(NoisySupervised.of(1, 0.5))) {
            double onData = relative.loss(FIXTURE.parameters, data, progress);
            assertNotEquals(absolute.loss(FIXTURE.parameters, data, progress), onData, 1e-6);
            initial.diviColumnVector(rms);
            double expected = absolute.loss(FIXTURE.parameters, data, progress);
            assertEquals(expected, relative.loss(FIXTURE.parameters, data, progress), 1e-12 * expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void curriculumAtAConstantLengthIsSupervised(int r) {
        for (TrainingProgress progress : PROGRESSES) {
            assertBitIdentical(evaluate(Supervised.of(r), progress), evaluate(Curriculum.of(r, r, 0.5), progress),
                    "constant length " + r + " at " + progress);
        }
    }

    @Test
    void curriculumGrowsLinearlyOverTheRamp() {
        Curriculum curriculum = Curriculum.of(1, 5, 0.5);
        assertEquals(1, curriculum.rolloutSteps(new TrainingProgress(0, 0, 100)));
        assertEquals(2, curriculum.rolloutSteps(new TrainingProgress(0, 13, 100)));
        assertEquals(3, curriculum.rolloutSteps(new TrainingProgress(0, 25, 100)));
        assertEquals(5, curriculum.rolloutSteps(new TrainingProgress(0, 50, 100)));
        assertEquals(5, curriculum.rolloutSteps(new TrainingProgress(0, 99, 100)));
        for (int step : new int[] {0, 25, 60}) {
            TrainingProgress progress = new TrainingProgress(0, step, 100);
            assertBitIdentical(evaluate(Supervised.of(curriculum.rolloutSteps(progress)), progress),
                    evaluate(curriculum, progress), "curriculum at step " + step);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void scheduledSamplingLimitsAreTeacherForcingAndSupervised(int r) {
        for (TrainingProgress progress : PROGRESSES) {
            assertEqualsClosely(evaluate(TeacherForcing.of(r, 1), progress),
                    evaluate(ScheduledSampling.linear(r, 1, 1), progress), "p = 1, r = " + r + " at " + progress);
            assertEqualsClosely(evaluate(Supervised.of(r), progress),
                    evaluate(ScheduledSampling.linear(r, 0, 0), progress), "p = 0, r = " + r + " at " + progress);
        }
    }

    @Test
    void scheduledSamplingDecays() {
        TrainingProgress start = new TrainingProgress(0, 0, 10);
        TrainingProgress half = new TrainingProgress(0, 5, 10);
        ScheduledSampling linear = ScheduledSampling.linear(3, 1, 0);
        assertEquals(1.0, linear.dataProbability(start), 0.0);
        assertEquals(0.5, linear.dataProbability(half), 1e-15);
        ScheduledSampling exponential = linear.withDecay(ScheduledSampling.Decay.EXPONENTIAL, 2);
        assertEquals(1.0, exponential.dataProbability(start), 0.0);
        assertEquals(Math.exp(-1), exponential.dataProbability(half), 1e-15);
        ScheduledSampling sigmoid = linear.withDecay(ScheduledSampling.Decay.INVERSE_SIGMOID, 4);
        assertEquals(1.0, sigmoid.dataProbability(start), 0.0);
        assertEquals(5 / (4 + Math.exp(2)), sigmoid.dataProbability(half), 1e-15);
        // a probability strictly between 0 and 1 takes the data for some samples, the prediction for others
        TrainingProgress progress = new TrainingProgress(4, 3, 10);
        double mixed = evaluate(ScheduledSampling.linear(4, 0.5, 0.5), progress).loss();
        assertNotEquals(evaluate(TeacherForcing.of(4, 1), progress).loss(), mixed, 1e-9);
        assertNotEquals(evaluate(Supervised.of(4), progress).loss(), mixed, 1e-9);
    }

    @Test
    void randomPushforwardWithoutPushStepsIsOneStepSupervised() {
        for (TrainingProgress progress : PROGRESSES) {
            assertBitIdentical(evaluate(Supervised.of(1), progress), evaluate(RandomPushforward.of(0), progress),
                    "K = 0 at " + progress);
        }
    }

    /** Each step's program is the fixed pushforward for one k in 0..K, and over 16 steps several k occur. */
    @Test
    void randomPushforwardDrawsItsPushStepsPerUpdateStep() {
        int maxPush = 3;
        List<Double> candidates = new ArrayList<>();
        for (int k = 0; k <= maxPush; k++) {
            try (Objective fixed = FIXTURE.compile(new Pushforward(k + 1, 1, null, null))) {
                candidates.add(fixed.loss(FIXTURE.parameters, FIXTURE.data));
            }
        }
        Set<Integer> seen = new HashSet<>();
        try (Objective random = FIXTURE.compile(RandomPushforward.of(maxPush))) {
            for (int step = 0; step < 16; step++) {
                double loss = random.loss(FIXTURE.parameters, FIXTURE.data, new TrainingProgress(9, step, 16));
                int k = candidates.indexOf(loss);
                assertTrue(k >= 0, "step " + step + ": loss " + loss + " is none of the fixed pushforwards " + candidates);
                seen.add(k);
            }
        }
        assertTrue(seen.size() >= 3, "k drawn from 0.." + maxPush + " over 16 steps, saw " + seen);
    }

    /** Gradients with the step's noise and masks fixed match central finite differences, late in a run. */
    @ParameterizedTest
    @ValueSource(strings = {"noisy", "sampled"})
    void gradientsWithTheRandomValuesFixedMatchFiniteDifferences(String which) {
        Fixture smooth = Fixture.smooth();
        TrainingProgress progress = new TrainingProgress(2, 7, 10);
        try (Objective objective = smooth.compile(Fixture.named(which))) {
            GradientCheck.Result result = GradientCheck.check(objective, smooth.parameters,
                    smooth.data.get(NDArrayIndex.interval(0, 3)), progress, 1e-6, 1e-4);
            assertTrue(result.maxRelativeError() < 1e-5, which + ": " + result);
        }
    }
}
