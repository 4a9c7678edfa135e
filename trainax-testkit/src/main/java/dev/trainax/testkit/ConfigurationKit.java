package dev.trainax.testkit;

import static dev.trainax.testkit.KitSupport.assertBitIdentical;
import static dev.trainax.testkit.KitSupport.assertClose;
import static dev.trainax.testkit.KitSupport.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compatibility kit of a {@link Configuration}: extend it in a JUnit 5 test, return the
 * configuration from {@link #configuration()}, and every check runs as a test of the subclass. By
 * default the configuration is trained on the kit's {@link Tiny} network, reference stepper,
 * residuum and MSE (the problem's default loss) over trajectories of the reference stepper, all in
 * float64; override the other methods to supply your own.
 *
 * <p>Checks: the gradient against central finite differences; two evaluations (and two
 * compilations) bit-identical; the declared {@link DataRequirement} honoured (no data level read
 * beyond {@code numTimeLevels}, windows with fewer levels rejected, the reference stepper and the
 * residuum applied exactly when declared, and a training problem without a declared one failing
 * with an error that names it); a batch of identical windows having the loss of one (mean
 * reduction) or that many times it (sum); the loss alone equal to the loss with gradient; and
 * null or empty windows rejected with an error naming the windows. Stochastic and scheduled
 * configurations are checked at {@link TrainingProgress#START} (their noise then fixed) and, for
 * determinism and data levels, at a later step too; one that draws random values per sample
 * declares it ({@link #drawsPerSample()}).
 */
public abstract class ConfigurationKit {

    /** The configuration under test; it must work in float64. */
    protected abstract Configuration configuration();

    /** The engine, by default the one found through {@link dev.trainax.api.plugin.EngineProvider}. */
    protected Engine engine() {
        return KitSupport.engine();
    }

    /** The trained network; {@link Tiny#network()} by default. */
    protected Network network() {
        return Tiny.network();
    }

    /** The network's parameters in float64; drawn from seed 11 by default. */
    protected Parameters parameters() {
        return network().initialParameters(11).copy(DataType.DOUBLE);
    }

    /** One state's shape {@code (channels, *space)}; {@link Tiny#STATE_SHAPE} by default. */
    protected long[] stateShape() {
        return Tiny.STATE_SHAPE.clone();
    }

    /** The reference stepper given to the problem when the configuration declares one; {@link Tiny#referenceStepper()}. */
    protected Stepper referenceStepper() {
        return Tiny.referenceStepper();
    }

    /** The residuum given to the problem when the configuration declares one; {@link Tiny#residuum()}. */
    protected Residuum residuum() {
        return Tiny.residuum();
    }

    /** The problem's default loss, for configurations that leave theirs unset; {@link Tiny#mse()}. */
    protected TimeLevelLoss defaultLoss() {
        return Tiny.mse();
    }

    /**
     * A batch of float64 windows {@code (batch, windowLength, *stateShape)} of at least two
     * samples; by default four trajectories of {@link #referenceStepper()}, which needs the default
     * {@link #stateShape()}.
     */
    protected INDArray windows() {
        return Tiny.windows(engine(), 4, configuration().dataRequirement().windowLength(), 5);
    }

    /**
     * How the configuration's loss aggregates over the batch: {@link BatchReduction#MEAN} (the
     * default) when it is a batch mean of per-sample losses, {@link BatchReduction#SUM} when a sum.
     */
    protected BatchReduction batchReduction() {
        return BatchReduction.MEAN;
    }

    /**
     * Whether the configuration stops gradients on purpose (cut options): its gradient then differs
     * from the derivative of its loss, and the finite-difference check is skipped; compare it with
     * a hand-unrolled program instead.
     */
    protected boolean cutsGradients() {
        return false;
    }

    /**
     * Whether the configuration draws random values per sample (noise, random selections): a batch
     * of identical windows then draws different values for each copy, and the identical-windows
     * check is skipped. False by default.
     */
    protected boolean drawsPerSample() {
        return false;
    }

    /** A progress late in a run with another seed: scheduled programs differ there from the first step's. */
    private static final TrainingProgress LATE = new TrainingProgress(7, 96, 100);

    /** The largest relative error accepted from the finite-difference check; {@code 1e-5} by default. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    private TrainingProblem.Builder problem(boolean withReference, boolean withResiduum) {
        TrainingProblem.Builder builder = TrainingProblem.builder().configuration(configuration())
                .network(network(), parameters()).defaultLoss(defaultLoss()).stateShape(stateShape())
                .dataType(DataType.DOUBLE);
        if (withReference) {
            builder.referenceStepper(referenceStepper());
        }
        if (withResiduum) {
            builder.residuum(residuum());
        }
        return builder;
    }

    private Objective compile() {
        DataRequirement requirement = configuration().dataRequirement();
        return engine().compile(problem(requirement.referenceStepper(), requirement.residuum()).build());
    }

    private RecordingOps record() {
        return record(new RecordingOps());
    }

    private RecordingOps record(RecordingOps ops) {
        assertNotNull(configuration().loss(ops), configuration() + ": loss(ops) returned null");
        return ops;
    }

    /** The engine's gradient equals central finite differences of the loss (skipped for configurations with cuts). */
    @Test
    public void gradientMatchesFiniteDifferences() {
        assumeFalse(cutsGradients(), "the configuration cuts gradients on purpose");
        try (Objective objective = compile()) {
            GradientCheck.Result result = GradientCheck.check(objective, parameters(), windows(), 1e-6, 1e-4);
            assertEquals(parameters().count(), result.entries(), "every parameter entry checked");
            assertTrue(result.maxRelativeError() < gradientTolerance(), configuration() + ": " + result);
        }
    }

    /**
     * The same batch gives bit-identical losses and gradients twice, and from a second compilation,
     * at the first step and at a late step of a run (where random values and schedules may differ).
     */
    @Test
    public void evaluationIsDeterministic() {
        INDArray windows = windows();
        LossAndGradient first;
        LossAndGradient late;
        try (Objective objective = compile()) {
            first = objective.lossAndGradient(parameters(), windows);
            assertTrue(Double.isFinite(first.loss()), configuration() + ": loss must be finite, got " + first.loss());
            assertBitIdentical(first, objective.lossAndGradient(parameters(), windows), configuration() + " (same objective)");
            late = objective.lossAndGradient(parameters(), windows, LATE);
            assertTrue(Double.isFinite(late.loss()), configuration() + ": loss at " + LATE + " must be finite");
            assertBitIdentical(late, objective.lossAndGradient(parameters(), windows, LATE),
                    configuration() + " (same objective at " + LATE + ")");
        }
        try (Objective again = compile()) {
            assertBitIdentical(late, again.lossAndGradient(parameters(), windows, LATE),
                    configuration() + " (second compilation, first evaluated at " + LATE + ")");
            assertBitIdentical(first, again.lossAndGradient(parameters(), windows), configuration() + " (second compilation)");
        }
    }

    /** {@code loss(ops)} writes the same program every time it is called for the same progress and choices. */
    @Test
    public void theProgramIsTheSameEveryTime() {
        assertEquals(record().trace(), record().trace(), configuration() + ": loss(ops) must write the same program");
        assertEquals(record(new RecordingOps(LATE, true)).trace(), record(new RecordingOps(LATE, true)).trace(),
                configuration() + ": loss(ops) must write the same program at " + LATE);
    }

    /**
     * The program reads only data levels in {@code [0, numTimeLevels)}, and level 0: at the first
     * step with the smallest random choices and late in a run with the largest.
     */
    @Test
    public void readsOnlyTheDeclaredTimeLevels() {
        DataRequirement requirement = configuration().dataRequirement();
        for (RecordingOps ops : List.of(record(), record(new RecordingOps(LATE, true)))) {
            assertTrue(!ops.levels().isEmpty() && ops.levels().first() == 0,
                    configuration() + ": the program must start from data level 0, read " + ops.levels());
            assertTrue(ops.levels().last() < requirement.numTimeLevels(), configuration() + " reads data levels "
                    + ops.levels() + " but declares numTimeLevels = " + requirement.numTimeLevels());
        }
    }

    /** The reference stepper is applied if and only if the data requirement declares it. */
    @Test
    public void appliesTheReferenceStepperExactlyWhenDeclared() {
        boolean declared = configuration().dataRequirement().referenceStepper();
        int calls = record().referenceCalls();
        assertEquals(declared, calls > 0, configuration() + " declares referenceStepper = " + declared
                + " but applies it " + calls + " times");
    }

    /** The residuum is evaluated if and only if the data requirement declares it. */
    @Test
    public void evaluatesTheResiduumExactlyWhenDeclared() {
        boolean declared = configuration().dataRequirement().residuum();
        int calls = record().residuumCalls();
        assertEquals(declared, calls > 0, configuration() + " declares residuum = " + declared
                + " but evaluates it " + calls + " times");
    }

    /**
     * Without a declared reference stepper or residuum, building the training problem fails naming
     * it; with neither declared, a problem without both compiles and evaluates.
     */
    @Test
    public void missingDeclaredSteppersAreNamed() {
        DataRequirement requirement = configuration().dataRequirement();
        if (requirement.referenceStepper()) {
            assertFailsNaming("referenceStepper", configuration() + " without a reference stepper",
                    () -> problem(false, requirement.residuum()).build(), IllegalArgumentException.class);
        }
        if (requirement.residuum()) {
            assertFailsNaming("residuum", configuration() + " without a residuum",
                    () -> problem(requirement.referenceStepper(), false).build(), IllegalArgumentException.class);
        }
        if (!requirement.referenceStepper() && !requirement.residuum()) {
            try (Objective objective = engine().compile(problem(false, false).build())) {
                double loss = objective.loss(parameters(), windows());
                assertTrue(Double.isFinite(loss), configuration() + " needs neither, yet its loss is " + loss);
            }
        }
    }

    /** Windows with fewer time levels than {@code numTimeLevels} are rejected. */
    @Test
    public void windowsWithFewerTimeLevelsAreRejected() {
        int levels = configuration().dataRequirement().numTimeLevels();
        INDArray windows = windows();
        INDArray shorter;
        if (levels > 1) {
            INDArrayIndex[] index = new INDArrayIndex[windows.rank()];
            Arrays.fill(index, NDArrayIndex.all());
            index[1] = NDArrayIndex.interval(0, levels - 1);
            shorter = windows.get(index).dup();
        } else {
            long[] shape = windows.shape();
            shape[1] = 0;
            shorter = Nd4j.create(DataType.DOUBLE, shape);
        }
        try (Objective objective = compile()) {
            assertFailsNaming("windows", configuration() + " on windows of " + (levels - 1) + " levels",
                    () -> objective.loss(parameters(), shorter), IllegalArgumentException.class);
        }
    }

    /** A batch of identical windows has the loss and gradient of one window (mean), or that many times it (sum). */
    @Test
    public void identicalWindowsActLikeOne() {
        assumeFalse(drawsPerSample(), "the configuration draws random values per sample");
        INDArray one = windows().get(NDArrayIndex.interval(0, 1)).dup();
        int copies = 3;
        double factor = batchReduction() == BatchReduction.SUM ? copies : 1;
        try (Objective objective = compile()) {
            LossAndGradient single = objective.lossAndGradient(parameters(), one);
            LossAndGradient batch = objective.lossAndGradient(parameters(), KitSupport.repeatBatch(one, copies));
            LossAndGradient expected = new LossAndGradient(factor * single.loss(),
                    single.gradient().combine(single.gradient(), (g, unused) -> g.mul(factor)));
            assertClose(expected, batch, 1e-10, configuration() + ": " + copies + " identical windows against one ("
                    + batchReduction() + " over the batch)");
        }
    }

    /** {@code loss} alone equals the loss that comes with the gradient. */
    @Test
    public void lossAloneEqualsLossWithGradient() {
        INDArray windows = windows();
        try (Objective objective = compile()) {
            double alone = objective.loss(parameters(), windows);
            double withGradient = objective.lossAndGradient(parameters(), windows).loss();
            assertEquals(withGradient, alone, 1e-12 * Math.max(Math.abs(withGradient), 1e-12),
                    configuration() + ": loss() against lossAndGradient().loss()");
        }
    }

    /** Null and empty batches of windows are rejected with an error naming the windows. */
    @Test
    public void nullAndEmptyWindowsAreRejected() {
        INDArray windows = windows();
        long[] emptyShape = windows.shape();
        emptyShape[0] = 0;
        try (Objective objective = compile()) {
            assertFailsNaming("windows", configuration() + " on null windows",
                    () -> objective.loss(parameters(), null), IllegalArgumentException.class, NullPointerException.class);
            assertFailsNaming("windows", configuration() + " on an empty batch",
                    () -> objective.loss(parameters(), Nd4j.create(DataType.DOUBLE, emptyShape)),
                    IllegalArgumentException.class);
        }
    }
}
