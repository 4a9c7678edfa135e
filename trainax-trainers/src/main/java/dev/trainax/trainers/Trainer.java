package dev.trainax.trainers;

import dev.trainax.api.Configuration;

/**
 * The entry point for training any configuration from Java, built in or third-party, as Trainax's
 * named trainers do for theirs:
 * <pre>{@code
 * TrainingResult result = Trainer.of(Supervised.of(5)).trajectories(data)
 *         .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(1000).batchSize(32)
 *         .build().train(network, network.initialParameters(0), 42);
 * }</pre>
 * The windows follow the configuration's data requirement; see {@link RunPlan}.
 */
public final class Trainer {

    private Trainer() {
    }

    /** A run builder for {@code configuration}. */
    public static RunPlan.Builder of(Configuration configuration) {
        return RunPlan.builder().configuration(configuration);
    }
}
