package dev.trainax.cli;

import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.trainers.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a run's results, each file atomically ({@link AtomicFiles}). */
final class RunOutputs {

    private RunOutputs() {
    }

    static void write(Path folder, TrainingResult result, int recordEvery, Map<String, Object> resolvedSpec) {
        result.parameters().save(folder.resolve("parameters.params"));
        StringBuilder csv = new StringBuilder("step,loss\n");
        double[] losses = result.lossHistory();
        for (int i = 0; i < losses.length; i++) {
            csv.append(i * recordEvery).append(',').append(losses[i]).append('\n');
        }
        AtomicFiles.write(folder.resolve("loss.csv"), file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve("loss.png"), file -> LogPlot.write(file,
                "training loss (minibatch, before each update)", "update step", "loss",
                List.of(new LogPlot.Series("loss", losses, 0, recordEvery))));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(options).dump(resolvedSpec);
        AtomicFiles.write(folder.resolve("spec.resolved.yaml"), file -> Files.writeString(file, yaml, StandardCharsets.UTF_8));
    }
}
