package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.configs.Supervised;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Mlp;
import dev.trainax.sampledata.Lorenz63;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An MLP learns the Lorenz-63 RK4 step (states scaled by 1/20 to order one). */
class LorenzMlpTest {

    @Test
    void anMlpLearnsTheLorenzStep() {
        INDArray data = Lorenz63.classic(0.01).trajectories(8, 200, 500, 1.0, 0).div(20);
        Mlp mlp = new Mlp(3, 64, 2, Activation.TANH);
        GeneralTrainer trainer = Trainer.of(Supervised.of(1)).trajectories(data).optimizer(Optimizer.adam(1e-3))
                .numTrainingSteps(600).batchSize(32).build();
        GeneralTrainer general = trainer;
        double before = general.fullLoss(mlp, mlp.initialParameters(0));
        TrainingResult result = general.train(mlp, mlp.initialParameters(0), 1);
        double after = general.fullLoss(mlp, result.parameters());
        assertTrue(after < 0.05 && after < before / 10, "full loss " + before + " -> " + after);
    }
}
