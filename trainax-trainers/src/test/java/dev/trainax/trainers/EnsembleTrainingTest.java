package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.Parameters;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seed-parallel training gives each seed the result of training it alone. */
class EnsembleTrainingTest {

    @Test
    void eachMemberEqualsItsSeparateRun() {
        INDArray data = Advection1d.periodic(30, 6, -0.75, 5, 30, 3);
        Conv1d conv = new Conv1d(1, 1, 2, false);
        GeneralTrainer trainer = SupervisedTrainer.builder(data).numRolloutSteps(3).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(40).batchSize(16).dataType(org.nd4j.linalg.api.buffer.DataType.DOUBLE).build()
                .generalTrainer();
        List<Parameters> seeds = List.of(conv.initialParameters(1), conv.initialParameters(2),
                conv.initialParameters(3));
        List<TrainingResult> together = trainer.trainEnsemble(conv, seeds, 7);
        assertEquals(3, together.size());
        for (int k = 0; k < 3; k++) {
            TrainingResult alone = trainer.train(conv, seeds.get(k), 7);
            // float64: the batched members sum in another order than a lone network, nothing else
            assertArrayEquals(alone.lossHistory(), together.get(k).lossHistory(), 1e-10);
            assertArrayEquals(alone.parameters().get("weight").ravel().toDoubleVector(),
                    together.get(k).parameters().get("weight").ravel().toDoubleVector(), 1e-10);
        }
    }
}
