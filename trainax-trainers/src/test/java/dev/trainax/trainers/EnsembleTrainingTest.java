package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Conv1d;
import dev.trainax.nn.Mlp;
import dev.trainax.sampledata.Advection1d;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seed-parallel training gives each seed the result of training it alone: losses, parameters and
 * optimizer state, for optimizers stepped once over all members and for clipping ones stepped per
 * member.
 */
class EnsembleTrainingTest {

    private static Optimizer optimizer(String name) {
        LearningRateSchedule schedule = LearningRateSchedule.constant(1e-2);
        return switch (name) {
            case "adam" -> Optimizer.adam(1e-2);
            case "amsgrad" -> Optimizer.amsgrad(schedule);
            case "rmsprop" -> Optimizer.rmsprop(schedule);
            case "nesterov" -> Optimizer.nesterov(schedule, 0.9);
            case "adamw" -> Optimizer.adamw(schedule, 1e-2);
            case "sgd" -> Optimizer.sgd(schedule);
            default -> Optimizer.adam(1e-2).withGradientClipping(0.05);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "amsgrad", "rmsprop", "nesterov", "adamw", "sgd", "clipped-adam"})
    void eachMemberEqualsItsSeparateRun(String optimizerName) {
        INDArray data = Advection1d.periodic(30, 6, -0.75, 5, 30, 3);
        for (Network network : List.of(new Conv1d(1, 1, 2, false), new Mlp(30, 8, 1,
                Activation.TANH))) {
            GeneralTrainer trainer = Trainer.of(Supervised.of(3)).trajectories(data)
                    .optimizer(optimizer(optimizerName)).numTrainingSteps(40).batchSize(16)
                    .dataType(TrainingOptions.Precision.FLOAT64).build();
            List<Parameters> seeds = List.of(network.initialParameters(1), network.initialParameters(2),
                    network.initialParameters(3));
            List<TrainingResult> together = trainer.trainEnsemble(network, seeds, 7);
            assertEquals(3, together.size());
            for (int k = 0; k < 3; k++) {
                TrainingResult alone = trainer.train(network, seeds.get(k), 7);
                String what = optimizerName + ", " + network + ", member " + k;
                // float64: the batched members sum in another order than a lone network, nothing else
                assertArrayEquals(alone.lossHistory(), together.get(k).lossHistory(), 1e-10, what);
                for (String name : alone.parameters().names()) {
                    assertArrayEquals(alone.parameters().get(name).ravel().toDoubleVector(),
                            together.get(k).parameters().get(name).ravel().toDoubleVector(), 1e-10, what);
                }
                OptimizerState expected = alone.optimizerState();
                OptimizerState actual = together.get(k).optimizerState();
                assertEquals(expected.steps(), actual.steps(), what);
                if (expected.buffers() != null) {
                    assertArrayEquals(expected.buffers().ravel().toDoubleVector(),
                            actual.buffers().ravel().toDoubleVector(), 1e-10, what + " optimizer state");
                }
            }
        }
    }
}
