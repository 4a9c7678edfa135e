package dev.trainax.bench;

import dev.trainax.configs.Supervised;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The training every workload of the bench times: supervised rollout, MSE (the default), Adam. */
final class SupervisedRun {

    private SupervisedRun() {
    }

    /**
     * Supervised at rollout {@code r} on {@code data}: {@code steps} Adam steps at
     * {@code learningRate}, {@code batchSize} samples each.
     */
    static RunPlan.Builder plan(INDArray data, int r, int steps, int batchSize, double learningRate) {
        return Trainer.of(Supervised.of(r)).trajectories(data).optimizer(Optimizer.adam(learningRate))
                .numTrainingSteps(steps).batchSize(batchSize);
    }
}
