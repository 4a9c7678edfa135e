package dev.trainax.cli;

import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.trainers.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a run's results, each file atomically ({@link AtomicFiles}); identical results give
 * identical bytes (no timestamps, fixed order).
 */
final class RunOutputs {

    /** The files of a run's outputs. */
    static final List<String> FILES = List.of("parameters.safetensors", "loss.csv", "loss.png", "spec.resolved.yaml",
            "result.yaml");

    private RunOutputs() {
    }

    static void write(Path folder, TrainingResult result, int recordEvery, String resolvedSpec) {
        result.parameters().save(folder.resolve("parameters.safetensors"));
        StringBuilder csv = new StringBuilder("step,loss\n");
        double[] losses = result.lossHistory();
        for (int i = 0; i < losses.length; i++) {
            csv.append((long) i * recordEvery).append(',').append(losses[i]).append('\n');
        }
        writeText(folder.resolve("loss.csv"), csv.toString());
        AtomicFiles.write(folder.resolve("loss.png"), file -> LogPlot.write(file,
                "training loss (minibatch, before each update)", "update step", "loss",
                List.of(new LogPlot.Series("loss", losses, 0, recordEvery))));
        writeText(folder.resolve("spec.resolved.yaml"), resolvedSpec);
        writeText(folder.resolve("result.yaml"), yaml(summary(result)));
    }

    /** How the run ended, in words a reader of the folder needs. */
    private static Map<String, Object> summary(TrainingResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", result.diverged() ? "diverged" : result.stoppedEarly() ? "stopped" : "completed");
        summary.put("updateSteps", result.updateSteps());
        summary.put("finalLoss", result.finalLoss());
        if (result.stoppedEarly()) {
            summary.put("stopReason", result.stopReason());
        }
        summary.put("parameters", (result.diverged() ? "the last finite ones, " : "") + "after update step "
                + (result.updateSteps() - 1) + " (" + result.updateSteps() + " updates)");
        return summary;
    }

    private static void writeText(Path file, String text) {
        AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /** A map as block-style YAML. */
    static String yaml(Map<String, Object> map) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(map);
    }
}
