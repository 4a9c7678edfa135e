package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import dev.trainax.nn.ConvolutionPath.Choice;
import dev.trainax.nn.BoundaryMode;
import dev.trainax.testkit.RandomArrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The engine's direct execution (reused buffers, shapes computed once per batch shape) gives
 * exactly SameDiff's own results, for every kind of program and when the batch size changes
 * between calls.
 */
class DirectExecutionTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    private static final Engine DIRECT = engine("direct");
    private static final Engine SESSION = engine("session");

    private static Engine engine(String execution) {
        return Fixture.REGISTRY.create(PluginKind.ENGINE, "samediff", Map.of("execution", execution), "engine");
    }

    /** {@link Fixture#compile} on the given engine. */
    private static Objective compile(Engine engine, Configuration configuration) {
        return engine.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(configuration)
                .network(FIXTURE.network, FIXTURE.parameters).referenceStepper(FIXTURE.reference)
                .residuum(FIXTURE.residuum).stateShape(Fixture.DOF).dataType(DataType.DOUBLE).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervised", "cut", "diverted", "mix", "residuum", "lp", "noisy", "sampled",
        "random-push"})
    void directExecutionEqualsSameDiffsSession(String which) {
        Configuration configuration = Fixture.named(which);
        try (Objective direct = compile(DIRECT, configuration);
             Objective session = compile(SESSION, configuration)) {
            assertSameOverBatchCycle(direct, session, FIXTURE.parameters, FIXTURE.data, which);
        }
    }

    /** Closing releases the executors' contexts once; a closed objective refuses further use. */
    @org.junit.jupiter.api.Test
    void aClosedObjectiveRefusesUse() {
        Objective objective = compile(DIRECT, Fixture.named("supervised"));
        double loss = objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data).loss();
        assertEquals(loss, objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data).loss(), 0.0);
        objective.close();
        objective.close();
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data));
        assertEquals("objective is closed", refused.getMessage());
    }

    /** ReLU ConvNets of 1 to 3 spatial axes, the 1D one on both paths, with their state shapes. */
    static Stream<Arguments> reluConvNets() {
        return Stream.of(Arguments.of(Choice.NATIVE, 1, new long[] {1, 16}),
                Arguments.of(Choice.MATMUL, 1, new long[] {1, 16}), Arguments.of(Choice.NATIVE, 2, new long[] {1, 6, 5}),
                Arguments.of(Choice.NATIVE, 3, new long[] {1, 4, 3, 5}));
    }

    /**
     * ReLU ConvNets: direct execution runs SameDiff's ReLU gradient and the 1D convolutions'
     * backward pass with other kernels of the same arithmetic, and reuses the convolutions' outputs
     * without zeroing them; in float64 at these sizes the results are still SameDiff's, bit for
     * bit, also after another batch has run.
     */
    @ParameterizedTest(name = "{0} path, {1}D")
    @MethodSource("reluConvNets")
    void reluConvNetsEqualSameDiffsSession(Choice path, int spatialDims, long[] stateShape) {
        ConvNet network = new ConvNet(new ConvNet.Options(spatialDims, 1, 4, 2, 3, Activation.RELU,
                BoundaryMode.PERIODIC, path));
        Parameters parameters = network.initialParameters(1).copy(DataType.DOUBLE);
        long[] windowShape = new long[stateShape.length + 2];
        windowShape[0] = 5;
        windowShape[1] = 3;
        System.arraycopy(stateShape, 0, windowShape, 2, stateShape.length);
        INDArray windows = RandomArrays.gaussian(5, DataType.DOUBLE, windowShape);
        try (Objective direct = compile(DIRECT, network, parameters, stateShape);
             Objective session = compile(SESSION, network, parameters, stateShape)) {
            assertSameOverBatchCycle(direct, session, parameters, windows, path + " " + spatialDims + "D");
        }
    }

    /**
     * Batches of 5, 3 and 5 windows, each twice: reused outputs (the repeats, and the plan kept for
     * 5 while 3 ran) must give exactly what SameDiff's session gives.
     */
    private static void assertSameOverBatchCycle(Objective direct, Objective session, Parameters parameters,
                                                 INDArray data, String label) {
        for (long batch : new long[] {5, 3, 5}) {
            INDArray windows = data.get(NDArrayIndex.interval(0, batch));
            LossAndGradient expected = session.lossAndGradient(parameters, windows);
            for (int repeat = 0; repeat < 2; repeat++) {
                LossAndGradient actual = direct.lossAndGradient(parameters, windows);
                assertEquals(expected.loss(), actual.loss(), 0.0, label + ", batch " + batch);
                assertEquals(session.loss(parameters, windows), direct.loss(parameters, windows), 0.0);
                for (String name : expected.gradient().names()) {
                    assertEquals(expected.gradient().get(name), actual.gradient().get(name),
                            label + ", batch " + batch + ": " + name);
                }
            }
        }
    }

    private static Objective compile(Engine engine, ConvNet network, Parameters parameters, long[] stateShape) {
        return engine.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(network, parameters).stateShape(stateShape).dataType(DataType.DOUBLE).build());
    }
}
