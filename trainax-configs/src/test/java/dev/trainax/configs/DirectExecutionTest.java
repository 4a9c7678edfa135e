package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.Configuration;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import dev.trainax.nn.ConvolutionPath;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The engine's direct execution (reused buffers, shapes computed once per batch shape) gives
 * exactly SameDiff's own results, for every kind of program and when the batch size changes
 * between calls.
 */
class DirectExecutionTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    private static <T> T withSession(boolean direct, Supplier<T> action) {
        String previous = System.getProperty("trainax.engine.direct");
        System.setProperty("trainax.engine.direct", Boolean.toString(direct));
        try {
            return action.get();
        } finally {
            if (previous == null) {
                System.clearProperty("trainax.engine.direct");
            } else {
                System.setProperty("trainax.engine.direct", previous);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervised", "cut", "diverted", "mix", "residuum", "lp"})
    void directExecutionEqualsSameDiffsSession(String which) {
        Configuration configuration = Fixture.named(which);
        try (Objective direct = withSession(true, () -> FIXTURE.compile(configuration));
             Objective session = withSession(false, () -> FIXTURE.compile(configuration))) {
            for (long batch : new long[] {5, 3, 5}) {
                INDArray windows = FIXTURE.data.get(NDArrayIndex.interval(0, batch));
                LossAndGradient expected = session.lossAndGradient(FIXTURE.parameters, windows);
                for (int repeat = 0; repeat < 2; repeat++) {
                    LossAndGradient actual = direct.lossAndGradient(FIXTURE.parameters, windows);
                    assertEquals(expected.loss(), actual.loss(), 0.0, which + ", batch " + batch);
                    assertEquals(session.loss(FIXTURE.parameters, windows), direct.loss(FIXTURE.parameters, windows),
                            0.0);
                    for (String name : expected.gradient().names()) {
                        assertEquals(expected.gradient().get(name), actual.gradient().get(name),
                                which + ", batch " + batch + ": " + name);
                    }
                }
            }
        }
    }

    /**
     * ReLU ConvNets on both 1D paths: direct execution runs SameDiff's ReLU gradient with a faster
     * kernel of the same arithmetic, so the results must still be SameDiff's, bit for bit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"native", "matmul"})
    void reluConvNetsEqualSameDiffsSession(String path) {
        ConvNet network = new ConvNet(1, 4, 2, 3, Activation.RELU);
        Parameters parameters = network.initialParameters(1).copy(DataType.DOUBLE);
        Nd4j.getRandom().setSeed(5);
        INDArray windows = Nd4j.randn(DataType.DOUBLE, 5, 3, 1, 16);
        String previous = System.getProperty(ConvolutionPath.PROPERTY);
        System.setProperty(ConvolutionPath.PROPERTY, path);
        try (Objective direct = withSession(true, () -> compile(network, parameters));
             Objective session = withSession(false, () -> compile(network, parameters))) {
            LossAndGradient expected = session.lossAndGradient(parameters, windows);
            LossAndGradient actual = direct.lossAndGradient(parameters, windows);
            assertEquals(expected.loss(), actual.loss(), 0.0);
            for (String name : expected.gradient().names()) {
                assertEquals(expected.gradient().get(name), actual.gradient().get(name), name);
            }
        } finally {
            if (previous == null) {
                System.clearProperty(ConvolutionPath.PROPERTY);
            } else {
                System.setProperty(ConvolutionPath.PROPERTY, previous);
            }
        }
    }

    private static Objective compile(ConvNet network, Parameters parameters) {
        return Fixture.ENGINE.compile(TrainingProblem.builder().configuration(Supervised.of(2))
                .network(network, parameters).stateShape(1, 16).dataType(DataType.DOUBLE).build());
    }
}
