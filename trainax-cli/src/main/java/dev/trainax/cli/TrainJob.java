package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.Callback;
import dev.trainax.api.Parameters;
import dev.trainax.callbacks.TrainingMetrics;
import dev.trainax.metrics.prometheus.PrometheusEndpoint;
import dev.trainax.trainers.Checkpoint;
import dev.trainax.trainers.CheckpointStore;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.ProgressListener;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.TrainingOptions;
import dev.trainax.trainers.TrainingResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One {@code trainax train} run: validates the spec and the output folder before anything is
 * written, trains (or resumes from the latest checkpoint), writes the outputs into the working
 * folder and makes them visible together ({@link RunFolder}).
 */
final class TrainJob {

    /** The note under which checkpoints keep the resolved spec. */
    static final String SPEC_NOTE = "spec";

    private final RunAssembler assembler;

    @Inject
    TrainJob(RunAssembler assembler) {
        this.assembler = assembler;
    }

    /**
     * Runs {@code specFile}.
     *
     * @param steps  update steps overriding the spec's, or null
     * @param output output folder overriding the spec's, or null
     * @param mode   what to do with an existing output folder
     * @return the exit code
     * @throws IllegalArgumentException for bad input (nothing written)
     * @throws IllegalStateException    if training failed or diverged
     */
    int run(Path specFile, Integer steps, Path output, RunFolder.Mode mode, PrintWriter out) {
        return run(assembler.read(specFile), steps, output, mode, ProgressBar.forTerminal("train"), null, out);
    }

    /**
     * Runs {@code spec} (its scenario merged in already), reporting progress to {@code progress} and
     * its training metrics to {@code metrics} (a study's registry; null for none, or for the spec's
     * own {@code metricsPort} endpoint); otherwise as
     * {@link #run(Path, Integer, Path, RunFolder.Mode, PrintWriter)}.
     */
    int run(RunSpec spec, Integer steps, Path output, RunFolder.Mode mode, ProgressListener progress,
            MeterRegistry metrics, PrintWriter out) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (steps != null) {
            overrides.put("numTrainingSteps", steps);
        }
        SpecRun parts = assembler.assemble(spec, overrides);
        Integer metricsPort = metricsPort(spec);
        RunFolder folder = RunFolder.check(output != null ? output : specOutput(spec), mode);
        String resolvedYaml = RunOutputs.yaml(SpecResolver.resolve(parts, assembler.registry()));
        PrometheusMeterRegistry endpointMetrics = metricsPort == null ? null
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MeterRegistry runMetrics = endpointMetrics != null ? endpointMetrics : metrics;
        List<Callback> extra = new ArrayList<>();
        if (runMetrics != null) {
            extra.add(new TrainingMetrics(runMetrics, folder.target().getFileName().toString(),
                    parts.configurationId()));
        }
        RunPlan plan;
        try {
            plan = parts.planBuilder().callbacks(extra).progress(progress)
                    .checkpoints(folder.checkpoints()).checkpointNote(SPEC_NOTE, resolvedYaml).plan();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(specPath(e.getMessage()), e);
        }
        GeneralTrainer trainer = plan.trainer();
        Parameters initial = trainer.initialParameters(parts.network());
        Checkpoint checkpoint = mode == RunFolder.Mode.RESUME ? resumable(folder, resolvedYaml, plan) : null;
        folder.prepare(mode);
        TrainingOptions training = plan.training();
        out.printf("training %s on %s: data %s, %d windows, %d steps%s%n", parts.network(),
                plan.configuration().getClass().getSimpleName(), Arrays.toString(parts.trajectories().shape()),
                plan.windows().numWindows(), training.numTrainingSteps(),
                checkpoint == null ? "" : ", resuming after update step " + checkpoint.step());
        long start = System.nanoTime();
        TrainingResult result;
        try {
            Supplier<TrainingResult> run = checkpoint == null
                    ? () -> trainer.train(parts.network(), initial, training.seed())
                    : () -> trainer.resume(parts.network(), checkpoint).get(0);
            result = endpointMetrics == null ? run.get() : withEndpoint(endpointMetrics, metricsPort, run, out);
            RunOutputs.write(folder.work(), result, training.recordLossEvery(), resolvedYaml);
        } catch (RuntimeException e) {
            if (folder.abandon()) {
                out.println(folder.work() + " keeps the checkpoints written before the failure: --resume "
                        + folder.target() + " continues from the latest, --overwrite starts again");
            }
            throw e;
        }
        folder.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.diverged()) {
            throw new IllegalStateException("training diverged, " + result.stopReason() + "; " + folder.target()
                    + " holds the parameters before that step (the last finite ones)");
        }
        out.printf("done in %.1f s: final loss %.4e after %d update steps%s%n", seconds, result.finalLoss(),
                result.updateSteps(), result.stoppedEarly() ? "; " + result.stopReason() : "");
        out.println("outputs in " + folder.target() + ": " + String.join(", ", RunOutputs.FILES) + ", "
                + RunFolder.CHECKPOINTS + "/, " + RunFolder.MANIFEST);
        return 0;
    }

    /** The latest checkpoint, if it was written by this spec (up to the number of update steps). */
    private static Checkpoint resumable(RunFolder folder, String resolvedYaml, RunPlan plan) {
        Checkpoint checkpoint;
        try {
            checkpoint = new CheckpointStore(folder.resumeFrom()).latest().orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume " + folder.target() + ": " + e.getMessage(), e);
        }
        String saved = checkpoint.notes().get(SPEC_NOTE);
        if (saved == null) {
            throw new IllegalArgumentException("--resume: the checkpoint in " + folder.resumeFrom()
                    + " holds no spec");
        }
        Path source = folder.resumeFrom();
        SpecDiff.firstDifference(RunSpec.parse(source, saved), RunSpec.parse(source, resolvedYaml))
                .ifPresent(difference -> {
                    throw new IllegalArgumentException("--resume: the spec differs from the run being resumed at "
                            + difference);
                });
        if (checkpoint.step() > plan.training().numTrainingSteps()) {
            throw new IllegalArgumentException("--resume: the run already took " + checkpoint.step()
                    + " update steps, more than the " + plan.training().numTrainingSteps() + " asked for");
        }
        return checkpoint;
    }

    /** A run plan's error as a spec error: its path under {@code spec.} when it names a section's parameter. */
    private static String specPath(String message) {
        boolean inSection = RunSpec.SECTIONS.stream().anyMatch(section -> message.startsWith(section + "."));
        return (inSection ? "spec." : "spec: ") + message;
    }

    private static TrainingResult withEndpoint(PrometheusMeterRegistry metrics, int port,
                                               Supplier<TrainingResult> training, PrintWriter out) {
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, port)) {
            out.println("metrics: " + endpoint.url());
            return training.get();
        }
    }

    private static Integer metricsPort(RunSpec spec) {
        if (!spec.has("metricsPort")) {
            return null;
        }
        if (!(spec.raw("metricsPort") instanceof Integer port) || port < 0 || port > 65535) {
            throw new IllegalArgumentException("spec.metricsPort: must be an integer in [0, 65535], got "
                    + spec.raw("metricsPort"));
        }
        return port;
    }

    private static Path specOutput(RunSpec spec) {
        Object output = spec.raw("output");
        if (output == null) {
            throw new IllegalArgumentException("spec.output: required folder for the results is missing");
        }
        if (!(output instanceof String folder) || folder.isBlank()) {
            throw new IllegalArgumentException("spec.output: must be a folder path (text; quote one that YAML would "
                    + "read as a number), got " + (output instanceof String ? "'" + output + "'" : output));
        }
        try {
            return Path.of(folder);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("spec.output: not a valid path: " + folder, e);
        }
    }
}
