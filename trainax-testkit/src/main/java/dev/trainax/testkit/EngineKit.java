package dev.trainax.testkit;

import static dev.trainax.testkit.KitSupport.assertBitIdentical;
import static dev.trainax.testkit.KitSupport.assertClose;
import static dev.trainax.testkit.KitSupport.assertFailsNaming;
import static dev.trainax.testkit.KitSupport.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.State;
import dev.trainax.api.StepContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of an {@link Engine}: Trainax's equality suite written against the API
 * alone. Extend it in a JUnit 5 test and return the engine; the kit brings its own programs
 * (supervised rollout, diverted chain and residuum rollout over {@link dev.trainax.api.RolloutOps}),
 * its own {@link Tiny} network, reference stepper, residuum and MSE, and trajectories of the
 * reference stepper as data, all in float64.
 *
 * <p>Checks: one-step supervised equals the one-step diverted chain, and a full-branch diverted
 * chain the supervised rollout, on data of the reference stepper; the loss equals a plain Java
 * computation and the gradient central finite differences; cuts equal hand-unrolled programs,
 * and a loss entirely behind a cut has a zero gradient; ensembles equal separate compilations, for
 * member-batched and plain networks; programs that apply an undeclared reference stepper or
 * residuum, or read an undeclared level, are refused naming what is missing; windows and
 * parameters are validated; evaluations are deterministic and float32 agrees with float64;
 * rollouts repeat their step; state arithmetic and random selections meet their limits, random
 * inputs follow the run's seed and the update step alone, and no gradient flows through them.
 */
public abstract class EngineKit {

    private static final TimeLevelLoss MSE = Tiny.mse();

    /** The engine under test. */
    protected abstract Engine engine();

    private static Parameters parameters(long seed) {
        return Tiny.network().initialParameters(seed).copy(DataType.DOUBLE);
    }

    private Objective compile(Configuration configuration, Network network, DataType type) {
        return engine().compile(problem(configuration, network, parameters(11)).dataType(type).build());
    }

    private static TrainingProblem.Builder problem(Configuration configuration, Network network, Parameters template) {
        return TrainingProblem.builder().configuration(configuration).network(network, template)
                .referenceStepper(Tiny.referenceStepper()).residuum(Tiny.residuum()).stateShape(Tiny.STATE_SHAPE)
                .dataType(DataType.DOUBLE);
    }

    private LossAndGradient evaluate(Configuration configuration, INDArray windows) {
        try (Objective objective = compile(configuration, Tiny.network(), DataType.DOUBLE)) {
            return objective.lossAndGradient(parameters(11), windows);
        }
    }

    private INDArray data(int levels) {
        return Tiny.windows(engine(), 4, levels, 5);
    }

    private static INDArray level(INDArray windows, int t) {
        return windows.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup();
    }

    private static INDArray stack(List<INDArray> levels) {
        return Nd4j.stack(1, levels.toArray(new INDArray[0]));
    }

    /** With data of the reference stepper, {@code l(f(u⁰), u¹)} is {@code l(f(u⁰), P(u⁰))}. */
    @Test
    public void oneStepSupervisedEqualsOneStepDivertedChain() {
        INDArray data = data(2);
        LossAndGradient supervised = evaluate(Programs.supervised(1, 0, MSE), data);
        assertTrue(supervised.loss() > 0, "the kit's network is not the reference stepper: the loss must be positive");
        assertClose(supervised, evaluate(Programs.divertedChain(1, 1, false, MSE), data), 1e-12,
                "supervised r=1 against diverted chain r=1 b=1");
    }

    /** With data of the reference stepper, a diverted chain with branches of r steps is the r-step supervised rollout. */
    @Test
    public void fullBranchDivertedChainEqualsSupervisedRollout() {
        INDArray data = data(4);
        assertClose(evaluate(Programs.supervised(3, 0, MSE), data), evaluate(Programs.divertedChain(3, 3, false, MSE), data),
                1e-10, "supervised r=3 against diverted chain r=3 b=3");
    }

    /** The two-step supervised loss equals the same computation in plain Java, and the data the reference stepper's. */
    @Test
    public void lossEqualsAPlainJavaComputation() {
        INDArray data = data(3);
        Parameters parameters = parameters(11);
        double a = parameters.get("a").getDouble(0);
        double b = parameters.get("b").getDouble(0);
        double c = parameters.get("c").getDouble(0);
        double expected = 0;
        int batch = (int) data.size(0);
        for (int sample = 0; sample < batch; sample++) {
            double[] state = values(data.get(NDArrayIndex.point(sample), NDArrayIndex.point(0)));
            for (int t = 1; t <= 2; t++) {
                double[] target = values(data.get(NDArrayIndex.point(sample), NDArrayIndex.point(t)));
                assertArrayEquals(Tiny.reference(values(data.get(NDArrayIndex.point(sample), NDArrayIndex.point(t - 1)))),
                        target, 1e-12, "compileRollout of the reference stepper, sample " + sample + ", level " + t);
                state = Tiny.network(a, b, c, state);
                double squares = 0;
                for (int j = 0; j < state.length; j++) {
                    squares += (state[j] - target[j]) * (state[j] - target[j]);
                }
                expected += squares / state.length / batch;
            }
        }
        assertEquals(expected, evaluate(Programs.supervised(2, 0, MSE), data).loss(), 1e-12 * expected,
                "supervised r=2 against plain Java");
    }

    /** Supervised, diverted-chain and residuum gradients equal central finite differences. */
    @Test
    public void gradientMatchesFiniteDifferences() {
        for (Configuration configuration : List.of(Programs.supervised(3, 0, MSE),
                Programs.divertedChain(3, 2, false, MSE), Programs.residuumRollout(2, MSE))) {
            try (Objective objective = compile(configuration, Tiny.network(), DataType.DOUBLE)) {
                GradientCheck.Result result = GradientCheck.check(objective, parameters(11), data(4), 1e-6, 1e-4);
                assertEquals(3, result.entries(), configuration + ": every parameter checked");
                assertTrue(result.maxRelativeError() < 1e-6, configuration + ": " + result);
            }
        }
    }

    /**
     * A cut turns the value behind it into a constant: a supervised rollout cut every two steps is
     * two two-step rollouts, the second from the (constant) state after two steps; a diverted chain
     * with its reference branch cut is a supervised rollout against the reference steps of the
     * main chain as fixed targets.
     */
    @Test
    public void cutsEqualHandUnrolledPrograms() {
        INDArray data = data(5);
        Rollout network = engine().compileRollout(Tiny.network(), parameters(11), Tiny.STATE_SHAPE, DataType.DOUBLE);
        Rollout reference = engine().compileRollout(Tiny.referenceStepper(), Parameters.of(Map.of()), Tiny.STATE_SHAPE,
                DataType.DOUBLE);

        LossAndGradient first = evaluate(Programs.supervised(2, 0, MSE), stack(List.of(level(data, 0), level(data, 1),
                level(data, 2))));
        INDArray pushed = network.step(network.step(level(data, 0)));
        LossAndGradient second = evaluate(Programs.supervised(2, 0, MSE), stack(List.of(pushed, level(data, 3),
                level(data, 4))));
        LossAndGradient segments = new LossAndGradient(first.loss() + second.loss(),
                first.gradient().combine(second.gradient(), INDArray::add));
        assertClose(segments, evaluate(Programs.supervised(4, 2, MSE), data), 1e-10,
                "supervised r=4 cut every 2 against two restarted 2-step rollouts");

        List<INDArray> targets = new ArrayList<>(List.of(level(data, 0)));
        INDArray main = level(data, 0);
        for (int t = 0; t < 3; t++) {
            targets.add(reference.step(main));
            main = network.step(main);
        }
        assertClose(evaluate(Programs.supervised(3, 0, MSE), stack(targets)),
                evaluate(Programs.divertedChain(3, 1, true, MSE), data), 1e-10,
                "diverted chain r=3 b=1 with its reference branch cut against supervised on fixed targets");
    }

    /** A loss whose every path to the parameters passes a cut has the uncut loss and a zero gradient. */
    @Test
    public void aLossBehindACutHasNoGradient() {
        INDArray data = data(2);
        Configuration cut = new Programs.Program("l(stop(f(u⁰)), u¹)", new DataRequirement(2, false, false),
                ops -> ops.loss(MSE, ops.stopGradient(ops.network(ops.data(0))), ops.data(1)));
        LossAndGradient result = evaluate(cut, data);
        assertEquals(evaluate(Programs.supervised(1, 0, MSE), data).loss(), result.loss(), 0.0,
                "a cut must pass the value on unchanged");
        for (String name : result.gradient().names()) {
            assertArrayEquals(new double[(int) result.gradient().get(name).length()], values(result.gradient().get(name)),
                    0.0, "gradient '" + name + "' behind a cut");
        }
    }

    /**
     * Three members compiled together equal three separate compilations, for the member-batched
     * network and for a plain one (members in turn through one program); a wrong number of
     * parameter sets, and a member's set of the wrong structure, are refused naming them.
     */
    @Test
    public void ensembleMembersEqualSeparateCompilations() {
        Network plain = new Network() {
            @Override
            public Parameters initialParameters(long seed) {
                return Tiny.network().initialParameters(seed);
            }

            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return Tiny.network().apply(context, state);
            }
        };
        List<Parameters> members = List.of(parameters(1), parameters(2), parameters(3));
        INDArray data = data(3);
        for (Network network : List.of(Tiny.network(), plain)) {
            for (Configuration configuration : List.of(Programs.supervised(2, 1, MSE),
                    Programs.divertedChain(2, 1, false, MSE), Programs.residuumRollout(2, MSE))) {
                TrainingProblem problem = problem(configuration, network, members.get(0)).build();
                EnsembleCheck.Result result = EnsembleCheck.check(engine(), problem, members, data);
                String what = configuration + (network == plain ? " (plain network)" : " (member-batched network)");
                assertTrue(result.maxLossError() < 1e-12 && result.maxGradientError() < 1e-12, what + ": " + result);
                try (EnsembleObjective ensemble = engine().compileEnsemble(problem, 3)) {
                    assertEquals(3, ensemble.members(), what + ": members()");
                    assertFailsNaming("parameters", what + " with 2 parameter sets for 3 members",
                            () -> ensemble.losses(members.subList(0, 2), data), IllegalArgumentException.class);
                    List<Parameters> malformed = List.of(members.get(0),
                            Parameters.of(Map.of("unknown", Nd4j.zeros(DataType.FLOAT, 2))), members.get(2));
                    assertFailsNaming("parameters[1]", what + " with a malformed second member",
                            () -> ensemble.lossesAndGradients(malformed, data), IllegalArgumentException.class);
                }
            }
        }
        assertFailsNaming("members", "an ensemble of 0 members", () -> engine().compileEnsemble(
                problem(Programs.supervised(1, 0, MSE), Tiny.network(), members.get(0)).build(), 0),
                IllegalArgumentException.class);
    }

    /**
     * Programs that apply a reference stepper or residuum they do not declare (so the problem has
     * none), or read a level beyond their declared ones, are refused naming what is missing.
     */
    @Test
    public void undeclaredNeedsAreRefusedNamingThem() {
        Parameters template = parameters(11);
        Configuration reference = new Programs.Program("undeclared reference", new DataRequirement(2, false, false),
                ops -> ops.loss(MSE, ops.reference(ops.network(ops.data(0))), ops.data(1)));
        Configuration residuum = new Programs.Program("undeclared residuum", new DataRequirement(1, false, false),
                ops -> ops.loss(MSE, ops.residuum(ops.network(ops.data(0)), ops.data(0))));
        Configuration beyond = new Programs.Program("reads level 2 of 2", new DataRequirement(2, false, false),
                ops -> ops.loss(MSE, ops.network(ops.data(0)), ops.data(2)));
        TrainingProblem.Builder bare = TrainingProblem.builder().network(Tiny.network(), template)
                .stateShape(Tiny.STATE_SHAPE).dataType(DataType.DOUBLE);
        assertFailsNaming("referenceStepper", reference.toString(), () -> compileAndEvaluate(
                bare.configuration(reference).build()), RuntimeException.class);
        assertFailsNaming("residuum", residuum.toString(), () -> compileAndEvaluate(
                bare.configuration(residuum).build()), RuntimeException.class);
        assertFailsNaming("timeLevel", beyond.toString(), () -> compileAndEvaluate(
                bare.configuration(beyond).build()), RuntimeException.class);
        assertFailsNaming("referenceStepper", "a diverted chain without a reference stepper", () -> bare
                .configuration(Programs.divertedChain(2, 1, false, MSE)).build(), IllegalArgumentException.class);
    }

    private void compileAndEvaluate(TrainingProblem problem) {
        try (Objective objective = engine().compile(problem)) {
            objective.lossAndGradient(parameters(11), data(3));
        }
    }

    /**
     * Windows with fewer levels or another state shape, and parameters of another structure, are
     * refused naming them; levels beyond the declared ones are ignored.
     */
    @Test
    public void windowsAndParametersAreValidated() {
        INDArray data = data(4);
        try (Objective objective = compile(Programs.supervised(2, 0, MSE), Tiny.network(), DataType.DOUBLE)) {
            Parameters parameters = parameters(11);
            INDArray exact = data.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).dup();
            assertEquals(objective.loss(parameters, exact), objective.loss(parameters, data), 0.0,
                    "levels beyond numTimeLevels must be ignored");
            assertFailsNaming("windows", "windows of 2 levels for r=2", () -> objective.loss(parameters,
                    data.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).dup()), IllegalArgumentException.class);
            assertFailsNaming("windows", "windows of another state shape", () -> objective.loss(parameters,
                    Nd4j.zeros(DataType.DOUBLE, 4, 3, 1, 5)), IllegalArgumentException.class);
            Parameters other = Parameters.of(Map.of("a", parameters.get("a")));
            assertFailsNaming("parameters", "parameters of another structure", () -> objective.loss(other, exact),
                    IllegalArgumentException.class);
        }
    }

    /** Evaluations are bit-identical twice and across compilations; float32 agrees with float64. */
    @Test
    public void evaluationIsDeterministicInBothPrecisions() {
        INDArray data = data(4);
        Configuration configuration = Programs.divertedChain(3, 2, false, MSE);
        LossAndGradient first;
        try (Objective objective = compile(configuration, Tiny.network(), DataType.DOUBLE)) {
            first = objective.lossAndGradient(parameters(11), data);
            assertBitIdentical(first, objective.lossAndGradient(parameters(11), data), "the same objective");
        }
        assertBitIdentical(first, evaluate(configuration, data), "a second compilation");
        try (Objective single = compile(configuration, Tiny.network(), DataType.FLOAT)) {
            LossAndGradient inFloat = single.lossAndGradient(parameters(11).copy(DataType.FLOAT),
                    data.castTo(DataType.FLOAT));
            assertClose(first, inFloat, 1e-4, "float32 against float64");
        }
    }

    /** A rollout's trajectory starts with the initial states and repeats the step. */
    @Test
    public void rolloutTrajectoryRepeatsTheStep() {
        Rollout rollout = engine().compileRollout(Tiny.network(), parameters(11), Tiny.STATE_SHAPE, DataType.DOUBLE);
        INDArray initial = level(data(1), 0);
        INDArray trajectory = rollout.trajectory(initial, 3);
        assertArrayEquals(new long[] {4, 4, 1, 6}, trajectory.shape(), "trajectory shape (batch, steps + 1, *state)");
        INDArray state = initial;
        for (int t = 0; t <= 3; t++) {
            assertArrayEquals(values(state), values(level(trajectory, t)), 1e-12, "trajectory level " + t);
            state = rollout.step(state);
        }
        Parameters parameters = parameters(11);
        assertArrayEquals(Tiny.network(parameters.get("a").getDouble(0), parameters.get("b").getDouble(0),
                parameters.get("c").getDouble(0), values(initial.get(NDArrayIndex.point(0)))),
                values(level(trajectory, 1).get(NDArrayIndex.point(0))), 1e-12, "one step against plain Java");
    }

    private LossAndGradient evaluate(Configuration configuration, INDArray windows, TrainingProgress progress) {
        try (Objective objective = compile(configuration, Tiny.network(), DataType.DOUBLE)) {
            return objective.lossAndGradient(parameters(11), windows, progress);
        }
    }

    /**
     * Noise of σ = 0, a combination of u⁰ with weights summing to one, and random selections with
     * probability 1 and 0 all feed the network u⁰: one-step supervised, late in a run too.
     */
    @Test
    public void stateArithmeticAndRandomSelectionsMeetTheirLimits() {
        INDArray data = data(2);
        TrainingProgress late = new TrainingProgress(5, 8, 10);
        Map<String, BiFunction<RolloutOps, State[], State>> inputs = Map.of(
                "0.25·u⁰ + 0.75·u⁰", (ops, u) -> ops.combine(new double[] {0.25, 0.75}, List.of(u[0], u[0])),
                "2·u⁰ − u⁰", (ops, u) -> ops.add(ops.scale(2, u[0]), ops.scale(-1, u[0])),
                "select(1, u⁰, u¹)", (ops, u) -> ops.randomSelect(1, u[0], u[1]),
                "select(0, u¹, u⁰)", (ops, u) -> ops.randomSelect(0, u[1], u[0]));
        for (TrainingProgress progress : List.of(TrainingProgress.START, late)) {
            LossAndGradient supervised = evaluate(Programs.supervised(1, 0, MSE), data, progress);
            assertClose(supervised, evaluate(Programs.noisyOneStep(0, MSE), data, progress), 1e-12,
                    "σ = 0 against one-step supervised at " + progress);
            inputs.forEach((name, input) -> assertClose(supervised,
                    evaluate(Programs.oneStepFrom(name, input, MSE), data, progress), 1e-12,
                    name + " against one-step supervised at " + progress));
        }
    }

    /**
     * Random inputs depend on the run's seed and the update step alone: the same pair gives
     * bit-identical results from two compilations (whatever the total steps), another step or
     * seed other values.
     */
    @Test
    public void randomInputsFollowTheSeedAndTheStepAlone() {
        INDArray data = data(2);
        Configuration noisy = Programs.noisyOneStep(0.1, MSE);
        LossAndGradient first = evaluate(noisy, data, new TrainingProgress(1, 2, 10));
        assertBitIdentical(first, evaluate(noisy, data, new TrainingProgress(1, 2, 10)), "same seed and step");
        assertBitIdentical(first, evaluate(noisy, data, new TrainingProgress(1, 2, 30)), "another total");
        assertTrue(first.loss() != evaluate(noisy, data, new TrainingProgress(1, 3, 10)).loss(),
                "the next update step must draw other noise");
        assertTrue(first.loss() != evaluate(noisy, data, new TrainingProgress(2, 2, 10)).loss(),
                "another seed must draw other noise");
    }

    /** With the step's noise fixed, the gradient matches central finite differences: none flows through the noise. */
    @Test
    public void noGradientFlowsThroughRandomInputs() {
        TrainingProgress progress = new TrainingProgress(3, 4, 10);
        try (Objective objective = compile(Programs.noisyOneStep(0.3, MSE), Tiny.network(), DataType.DOUBLE)) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters(11), data(2), progress, 1e-6, 1e-4);
            assertTrue(result.maxRelativeError() < 1e-6, "noisy one-step program: " + result);
        }
    }
}
