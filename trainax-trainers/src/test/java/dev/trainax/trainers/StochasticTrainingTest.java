package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.configs.Curriculum;
import dev.trainax.configs.NoisySupervised;
import dev.trainax.configs.RandomPushforward;
import dev.trainax.configs.ScheduledSampling;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training with the stochastic and scheduled configurations is reproducible: one seed gives
 * bit-identical runs, another seed another run, and a run resumed from a checkpoint written
 * midway equals the uninterrupted run bit for bit (its random values and schedule derive from
 * the seed and the update step alone).
 */
class StochasticTrainingTest {

    private static final int STEPS = 12;
    private static final INDArray DATA = Advection1d.periodic(20, 8, -0.75, 5, 30, 3);
    private static final Conv1d NETWORK = new Conv1d(1, 1, 3, true);

    @TempDir
    Path temp;

    private static Configuration configuration(String id) {
        return switch (id) {
            case "noisy-supervised" -> NoisySupervised.of(2, 0.05).withRelativeNoise();
            case "random-pushforward" -> RandomPushforward.of(2);
            case "curriculum" -> Curriculum.of(1, 3, 0.5);
            case "scheduled-sampling" -> ScheduledSampling.linear(3, 1, 0);
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static GeneralTrainer trainer(String id, int seed, Path checkpoints) {
        return Trainer.of(configuration(id)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .training(TrainingOptions.of(STEPS, 7).withCheckpointEvery(4).withSeeds(seed, 0))
                .checkpoints(checkpoints).build();
    }

    private TrainingResult train(String id, int seed, String folder) {
        return trainer(id, seed, temp.resolve(folder)).train(NETWORK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noisy-supervised", "random-pushforward", "curriculum", "scheduled-sampling"})
    void oneSeedIsBitIdenticalAndAnotherDiffers(String id) {
        TrainingResult first = train(id, 11, "a");
        TrainingResult again = train(id, 11, "b");
        assertArrayEquals(first.lossHistory(), again.lossHistory(), id);
        assertEquals(first.parameters().get("weight"), again.parameters().get("weight"), id);
        assertNotEquals(first.parameters().get("weight"), train(id, 12, "c").parameters().get("weight"), id);
    }

    /** Resumed from the checkpoint at step 8 of a 12-step run, a run ends exactly where the uninterrupted one did. */
    @ParameterizedTest
    @ValueSource(strings = {"noisy-supervised", "random-pushforward", "curriculum", "scheduled-sampling"})
    void resumedFromACheckpointEqualsTheUninterruptedRun(String id) throws IOException {
        Path whole = temp.resolve("whole");
        TrainingResult expected = train(id, 11, "whole");
        Checkpoint midway = CheckpointStore.read(whole.resolve("step-0000000008.safetensors"));
        Path resumedFolder = temp.resolve("resumed");
        TrainingResult resumed = trainer(id, 11, resumedFolder).resume(NETWORK, midway).get(0);
        assertArrayEquals(expected.lossHistory(), resumed.lossHistory(), id);
        Parameters parameters = expected.parameters();
        for (String name : parameters.names()) {
            assertEquals(parameters.get(name), resumed.parameters().get(name), id + " " + name);
        }
        assertArrayEquals(Files.readAllBytes(whole.resolve("step-0000000012.safetensors")),
                Files.readAllBytes(resumedFolder.resolve("step-0000000012.safetensors")), id + ": final checkpoint");
    }
}
