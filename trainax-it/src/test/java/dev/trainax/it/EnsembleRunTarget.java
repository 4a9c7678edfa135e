package dev.trainax.it;

import dev.trainax.api.Parameters;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.trainers.CheckpointStore;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingOptions;
import dev.trainax.trainers.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A seed-parallel ensemble trained through the Java API with checkpoints, run in its own JVM by
 * {@link ResumeAfterKillTest}: {@code FOLDER false} trains from the start, {@code FOLDER true}
 * resumes from the latest checkpoint in {@code FOLDER/checkpoints}. Writes each member's parameters
 * and loss history into the folder.
 */
public final class EnsembleRunTarget {

    /** Update steps of the run. */
    static final int STEPS = 3000;

    private EnsembleRunTarget() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Conv1d network = new Conv1d(1, 1, 3, true);
        GeneralTrainer trainer = Trainer.of(Supervised.of(3))
                .trajectories(Advection1d.periodic(24, 12, -0.5, 4, 30, 5)).optimizer(Optimizer.adam(1e-2))
                .training(TrainingOptions.of(STEPS, 8).withRecordLossEvery(2).withCheckpointEvery(20).withSeeds(9, 0))
                .checkpoints(folder.resolve("checkpoints")).build();
        List<TrainingResult> results;
        if (Boolean.parseBoolean(args[1])) {
            CheckpointStore store = new CheckpointStore(folder.resolve("checkpoints"));
            var checkpoint = store.latest().orElseThrow();
            System.out.println("resumed at update step " + checkpoint.step());
            results = trainer.resume(network, checkpoint);
        } else {
            results = trainer.trainEnsemble(network, List.of(network.initialParameters(1),
                    network.initialParameters(2), network.initialParameters(3)), 9);
        }
        for (int k = 0; k < results.size(); k++) {
            Parameters parameters = results.get(k).parameters();
            parameters.save(folder.resolve("member-" + k + ".safetensors"));
            StringBuilder losses = new StringBuilder();
            for (double loss : results.get(k).lossHistory()) {
                losses.append(Double.toString(loss)).append('\n');
            }
            Files.writeString(folder.resolve("losses-" + k + ".txt"), losses);
        }
    }
}
