package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.Callback;
import dev.trainax.callbacks.TrainingMetrics;
import dev.trainax.metrics.prometheus.PrometheusEndpoint;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.TrainingOptions;
import dev.trainax.trainers.TrainingResult;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainax train SPEC [--steps N] [--output DIR]}: trains from a run spec (YAML or JSON).
 * Everything is validated before training (by {@link RunAssembler} and the {@link RunPlan}); the
 * output folder receives the trained parameters, the loss history (CSV and PNG) and the resolved spec.
 * Options are picocli fields: a new one is a field here and its use in {@link #call()}.
 */
@Command(name = "train", sortOptions = false, description = {
    "Train from a run spec (YAML or JSON; see examples/); writes parameters.params, loss.csv, loss.png and "
            + "spec.resolved.yaml to the output folder."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the run spec (YAML or JSON)")
    private Path specFile;

    @Option(names = "--steps", paramLabel = "N", converter = PositiveInteger.class,
            description = "number of training steps, instead of the spec's numTrainingSteps")
    private Integer steps;

    @Option(names = "--output", paramLabel = "DIR", description = "output folder, instead of the spec's output")
    private String output;

    @Mixin
    private HelpOption help;

    private final RunAssembler assembler;

    @Inject
    TrainCommand(RunAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        RunSpec spec = RunSpec.read(specFile);
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (steps != null) {
            overrides.put("numTrainingSteps", steps);
        }
        SpecRun parts = assembler.assemble(spec, overrides);
        Integer metricsPort = metricsPort(spec);
        Path output = output(spec, this.output);
        PrometheusMeterRegistry metrics = metricsPort == null ? null
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<Callback> extra = new ArrayList<>();
        if (metrics != null) {
            extra.add(new TrainingMetrics(metrics, output.getFileName().toString(), parts.configurationId()));
        }
        RunPlan plan;
        try {
            plan = parts.planBuilder().callbacks(extra).progress(ProgressBar.forTerminal("train")).plan();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec: " + e.getMessage(), e);
        }
        TrainingOptions training = plan.training();
        GeneralTrainer trainer = plan.trainer();
        out.printf("training %s on %s: data %s, %d windows, %d steps%n", parts.network(),
                plan.configuration().getClass().getSimpleName(), Arrays.toString(parts.trajectories().shape()),
                plan.windows().numWindows(), training.numTrainingSteps());
        long start = System.nanoTime();
        TrainingResult result;
        if (metrics != null) {
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, metricsPort)) {
                out.println("metrics: " + endpoint.url());
                result = trainer.train(parts.network());
            }
        } else {
            result = trainer.train(parts.network());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RunOutputs.write(output, result, training.recordLossEvery(), SpecResolver.resolve(parts, assembler.registry()));
        out.printf("done in %.1f s: final loss %.4e (first %.4e)%s%n", seconds, result.finalLoss(),
                result.lossHistory()[0], result.stoppedEarly() ? "; " + result.stopReason() : "");
        out.println("outputs in " + output + ": parameters.params, loss.csv, loss.png, spec.resolved.yaml");
        return 0;
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

    private static Path output(RunSpec spec, String override) {
        Object raw = override != null ? override : spec.raw("output");
        if (!(raw instanceof String folder) || folder.isBlank()) {
            throw new IllegalArgumentException("spec.output: required folder for the results is missing");
        }
        Path path = Path.of(folder).toAbsolutePath();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("spec.output: cannot create " + path + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(path)) {
            throw new IllegalArgumentException("spec.output: " + path + " is not writable");
        }
        return path;
    }
}
