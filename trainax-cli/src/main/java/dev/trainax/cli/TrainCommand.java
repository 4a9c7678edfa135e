package dev.trainax.cli;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.callbacks.TrainingMetrics;
import dev.trainax.metrics.prometheus.PrometheusEndpoint;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.TrainingResult;
import dev.trainax.trainers.TrajectorySubStacker;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code trainax train SPEC [--steps N] [--output DIR]}: trains from a run spec (YAML or JSON).
 * Everything is validated before training; the output folder receives the trained parameters,
 * the loss history (CSV and PNG) and the resolved spec.
 */
final class TrainCommand {

    static final List<PluginParameter> TRAINING = List.of(
            PluginParameter.integer("numTrainingSteps", "update steps", null).atLeast(1),
            PluginParameter.integer("batchSize", "windows per minibatch", null).atLeast(1),
            PluginParameter.integer("seed", "seed of the minibatch order", 0),
            PluginParameter.integer("initSeed", "seed of the network initialisation", 0),
            PluginParameter.string("dataType", "floating-point type", "float32").oneOf("float32", "float64"),
            PluginParameter.integer("recordLossEvery", "record the loss every k steps", 1).atLeast(1));

    int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new IllegalArgumentException("train needs a spec file: trainax train SPEC [--steps N] [--output DIR]");
        }
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length || !List.of("--steps", "--output").contains(args[i])) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i]
                        + "'; known: --steps N, --output DIR");
            }
            overrides.put(args[i], args[i + 1]);
        }
        RunSpec spec = RunSpec.read(Path.of(args[0]));
        PluginRegistry registry = PluginRegistry.load();
        Map<String, Object> trainingRaw = new java.util.LinkedHashMap<>(spec.map("training"));
        if (overrides.containsKey("--steps")) {
            trainingRaw.put("numTrainingSteps", Main.positive("--steps", (String) overrides.get("--steps")));
        }
        PluginArguments training = PluginArguments.bind("training", TRAINING, trainingRaw, "spec.training", registry);
        DataType dataType = "float64".equals(training.string("dataType")) ? DataType.DOUBLE : DataType.FLOAT;
        DataSource data = create(registry, PluginKind.DATA, spec, "data");
        Network network = create(registry, PluginKind.NETWORK, spec, "network");
        Configuration configuration = create(registry, PluginKind.CONFIGURATION, spec, "configuration");
        Stepper reference = spec.has("referenceStepper")
                ? create(registry, PluginKind.REFERENCE_STEPPER, spec, "referenceStepper") : null;
        Residuum residuum = spec.has("residuum") ? create(registry, PluginKind.RESIDUUM, spec, "residuum") : null;
        Optimizer optimizer = OptimizerSpec.parse(spec.has("optimizer") ? spec.map("optimizer") : Map.of(), registry);
        List<Callback> callbacks = callbacks(spec, registry);
        Integer metricsPort = metricsPort(spec);
        Path output = output(spec, (String) overrides.get("--output"));

        INDArray trajectories;
        try {
            trajectories = data.trajectories();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec.data: " + e.getMessage(), e);
        }
        DataRequirement requirement = configuration.dataRequirement();
        if (trajectories.rank() < 3 || trajectories.size(1) < requirement.numTimeLevels()) {
            throw new IllegalArgumentException("spec.configuration: needs windows of " + requirement.numTimeLevels()
                    + " time levels but spec.data gives trajectories of shape "
                    + java.util.Arrays.toString(trajectories.shape()) + " (samples, time, *state)");
        }
        TrajectorySubStacker subStacker = new TrajectorySubStacker(trajectories, requirement.numTimeLevels(), true,
                requirement.onlyInitialCondition());
        PrometheusMeterRegistry metrics = metricsPort == null ? null
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (metrics != null) {
            callbacks.add(new TrainingMetrics(metrics, output.getFileName().toString(),
                    RunSpec.plugin(spec.raw("configuration"), "spec.configuration").getKey()));
        }
        GeneralTrainer trainer;
        try {
            trainer = GeneralTrainer.builder().subStacker(subStacker).configuration(configuration)
                    .referenceStepper(reference).residuum(residuum).optimizer(optimizer).numUpdateSteps(training.integer("numTrainingSteps"))
                    .batchSize(training.integer("batchSize")).callbacks(callbacks)
                    .recordLossEvery(training.integer("recordLossEvery")).dataType(dataType)
                    .progress(ProgressBar.forTerminal("train")).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec: " + e.getMessage(), e);
        }
        out.printf("training %s on %s: data %s, %d windows, %d steps%n", network, configuration.getClass()
                .getSimpleName(), java.util.Arrays.toString(trajectories.shape()), subStacker.numWindows(),
                training.integer("numTrainingSteps"));
        long start = System.nanoTime();
        TrainingResult result;
        if (metrics != null) {
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, metricsPort)) {
                out.println("metrics: " + endpoint.url());
                result = trainer.train(network, network.initialParameters(training.integer("initSeed")),
                        training.integer("seed"));
            }
        } else {
            result = trainer.train(network, network.initialParameters(training.integer("initSeed")),
                    training.integer("seed"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RunOutputs.write(output, result, training.integer("recordLossEvery"),
                SpecResolver.resolve(spec, registry, training, trainingRaw));
        out.printf("done in %.1f s: final loss %.4e (first %.4e)%s%n", seconds, result.finalLoss(),
                result.lossHistory()[0], result.stoppedEarly() ? "; " + result.stopReason() : "");
        out.println("outputs in " + output + ": parameters.params, loss.csv, loss.png, spec.resolved.yaml");
        return 0;
    }

    private static <T> T create(PluginRegistry registry, PluginKind kind, RunSpec spec, String section) {
        if (!spec.has(section)) {
            throw new IllegalArgumentException("spec." + section + ": required section is missing (a "
                    + kind.label() + " id or {id: ..., ...}; known: " + registry.ids(kind) + ")");
        }
        Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(spec.raw(section), "spec." + section);
        return registry.create(kind, entry.getKey(), entry.getValue(), "spec." + section);
    }

    private static List<Callback> callbacks(RunSpec spec, PluginRegistry registry) {
        List<Callback> callbacks = new ArrayList<>();
        if (!spec.has("callbacks")) {
            return callbacks;
        }
        if (!(spec.raw("callbacks") instanceof List<?> list)) {
            throw new IllegalArgumentException("spec.callbacks: must be a list of callback specs");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.callbacks[" + i + "]";
            Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(list.get(i), path);
            callbacks.add(registry.create(PluginKind.CALLBACK, entry.getKey(), entry.getValue(), path));
        }
        return callbacks;
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
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("spec.output: cannot create " + path + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(path)) {
            throw new IllegalArgumentException("spec.output: " + path + " is not writable");
        }
        return path;
    }
}
