package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.TrainingView;
import dev.trainax.configs.DivertedChain;
import dev.trainax.configs.DivertedChainBranchOne;
import dev.trainax.configs.ResiduumTraining;
import dev.trainax.configs.Supervised;
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
        assertFails("batchSize: must be integer ≥ 1, got 0", () -> Trainer.of(Supervised.of(1)).trajectories(DATA)
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(10).batchSize(0).build());
        assertFails("numTrainingSteps is required", () -> Trainer.of(Supervised.of(1)).trajectories(DATA)
                .optimizer(Optimizer.adam(1e-2)).batchSize(4).build());
        assertFails("referenceStepper is required by configuration DivertedChain", () -> Trainer
                .of(DivertedChain.of(2, 1)).trajectories(DATA).optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5)
                .batchSize(4).build());
        assertFails("trajectories must have shape (samples, time, channels, *space), got [3, 12]", () -> Trainer
                .of(Supervised.of(1)).trajectories(Nd4j.zeros(DataType.FLOAT, 3, 12)).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(5).batchSize(4).build());
        assertFails("trajectories have 12 time levels (shape [3, 12, 1, 16]) but configuration Supervised needs "
                + "windows of 13 levels", () -> Trainer.of(Supervised.of(12)).trajectories(DATA)
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(5).batchSize(4).build());
        assertFails("trajectories have 12 time levels", () -> Trainer.of(DivertedChainBranchOne.of(12))
                .trajectories(DATA).referenceStepper(new FirstOrderUpwind(-0.5)).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(5).batchSize(4).build());
        assertFails("numBranchSteps must be ≤ numRolloutSteps = 2, got 3", () -> DivertedChain.of(2, 3));
        assertFails("recordLossEvery must keep the loss history in memory at ≤ 10000000 entries: with "
                + "numTrainingSteps = 2147483647 it must be ≥ 215, got 1", () -> TrainingOptions.of(Integer.MAX_VALUE, 4));
        assertEquals(Integer.MAX_VALUE, new TrainingOptions(Integer.MAX_VALUE, 4, 0, 0,
                TrainingOptions.Precision.FLOAT32, 1 << 30, true, 1, null).numTrainingSteps());
                assertFails("optimizer is required", () -> Trainer.of(Supervised.of(1)).trajectories(DATA)
                .numTrainingSteps(5).batchSize(4).build());
    }

    @Test
    void windowsFollowTrainaxForEveryConfiguration() {
        // r = 3 on 12 levels: 9 windows per trajectory whether the configuration reads 4 levels or 1
        for (Configuration configuration : List.of(Supervised.of(3), DivertedChain.of(3, 2),
                DivertedChainBranchOne.of(3), ResiduumTraining.of(3))) {
            RunPlan plan = Trainer.of(configuration).trajectories(DATA).referenceStepper(new FirstOrderUpwind(-0.5))
                    .residuum((context, next, previous) -> next.sub(previous)).optimizer(Optimizer.adam(1e-2))
                    .numTrainingSteps(1).batchSize(4).plan();
            assertEquals(3 * 9, plan.windows().numWindows(), configuration.toString());
            assertEquals(configuration.dataRequirement().numTimeLevels(), plan.windows().storedLevels());
        }
        RunPlan firstOnly = Trainer.of(Supervised.of(3)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(1).batchSize(4).doSubStacking(false).plan();
        assertEquals(3, firstOnly.windows().numWindows());
    }

    @Test
    void aDivergingRunNamesTheStep() {
        GeneralTrainer trainer = Trainer.of(Supervised.of(3)).trajectories(DATA)
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
        GeneralTrainer trainer = Trainer.of(DivertedChainBranchOne.of(3)).trajectories(DATA)
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
        GeneralTrainer trainer = Trainer.of(Supervised.of(2)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(20).batchSize(8).build();
        GeneralTrainer general = trainer;
        TrainingResult first = general.train(CONV, CONV.initialParameters(5), 1);
        TrainingResult continued = general.train(CONV, first.parameters(), 2, first.optimizerState());
        assertEquals(20, first.optimizerState().steps());
        assertEquals(40, continued.optimizerState().steps());
        assertTrue(general.fullLoss(CONV, continued.parameters()) < general.fullLoss(CONV, CONV.initialParameters(5)));
    }
}
