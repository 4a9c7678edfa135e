package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.TrainingView;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FirstOrderUpwind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerArgumentsTest {

    private static final INDArray DATA = Advection1d.periodic(16, 3, -0.5, 3, 12, 1);
    private static final Conv1d CONV = new Conv1d(1, 1, 2, false);

    private static void assertFails(String expected, Executable action) {
        Exception error = assertThrows(RuntimeException.class, action);
        assertTrue(error.getMessage().contains(expected), "expected '" + expected + "' in: " + error.getMessage());
    }

    @Test
    void badArgumentsFailBeforeTraining() {
        assertFails("batchSize must be ≥ 1, got 0", () -> SupervisedTrainer.builder(DATA)
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(10).batchSize(0).build());
        assertFails("numTrainingSteps must be ≥ 1, got 0", () -> SupervisedTrainer.builder(DATA)
                .optimizer(Optimizer.adam(1e-2)).batchSize(4).build());
        assertFails("referenceStepper is required by the diverted-chain trainer", () -> DivertedChainTrainer
                .builder(DATA, 1).numRolloutSteps(2).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5).batchSize(4)
                .build());
        assertFails("trajectories must have shape (samples, time, *state) with rank ≥ 3", () -> SupervisedTrainer
                .builder(Nd4j.zeros(DataType.FLOAT, 3, 12)).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5)
                .batchSize(4).build());
        assertFails("windowLength must be ≤ the trajectories' 12 time levels", () -> SupervisedTrainer.builder(DATA)
                .numRolloutSteps(12).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5).batchSize(4).build());
        assertFails("diverted-chain.numBranchSteps must be ≤ numRolloutSteps = 2, got 3", () -> DivertedChainTrainer
                .builder(DATA, 3).numRolloutSteps(2).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5).batchSize(4)
                .referenceStepper(new FirstOrderUpwind(-0.5)).build());
    }

    @Test
    void aDivergingRunNamesTheStep() {
        NamedTrainer trainer = SupervisedTrainer.builder(DATA).numRolloutSteps(3)
                .optimizer(Optimizer.sgd(LearningRateSchedule.constant(1e6))).numTrainingSteps(50).batchSize(8).build();
        assertFails("at update step", () -> trainer.train(CONV, CONV.initialParameters(0), 0));
    }

    @Test
    void divertedChainTrainerStoresOnlyInitialConditionsAndCallbacksRecord() {
        Callback norm = new Callback() {
            @Override
            public int every() {
                return 2;
            }

            @Override
            public String name() {
                return "loss";
            }

            @Override
            public Object onStep(TrainingView view) {
                return view.loss();
            }
        };
        NamedTrainer trainer = DivertedChainBranchOneTrainer.builder(DATA).numRolloutSteps(3)
                .referenceStepper(new FirstOrderUpwind(-0.5)).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(6)
                .batchSize(4).callbacks(List.of(norm)).build();
        assertEquals(1, trainer.subStacker().storedLevels());
        assertEquals(3 * 9, trainer.subStacker().numWindows());
        TrainingResult result = trainer.train(CONV, CONV.initialParameters(0), 3);
        assertEquals(List.of(result.lossHistory()[0], result.lossHistory()[2], result.lossHistory()[4]),
                result.callbackHistory().get("loss"));
    }

    @Test
    void fullLossAndContinuedTraining() {
        NamedTrainer trainer = SupervisedTrainer.builder(DATA).numRolloutSteps(2).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(20).batchSize(8).build();
        GeneralTrainer general = trainer.generalTrainer();
        TrainingResult first = general.train(CONV, CONV.initialParameters(5), 1);
        TrainingResult continued = general.train(CONV, first.parameters(), 2, first.optimizerState());
        assertEquals(20, first.optimizerState().steps());
        assertEquals(40, continued.optimizerState().steps());
        assertTrue(general.fullLoss(CONV, continued.parameters()) < general.fullLoss(CONV, CONV.initialParameters(5)));
    }
}
