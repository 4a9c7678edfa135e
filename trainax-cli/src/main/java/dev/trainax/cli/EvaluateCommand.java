package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainax evaluate SPEC --parameters FILE [--steps N] [--output DIR] [--metrics ID[,ID...]]}:
 * rolls the trained network out autoregressively from the initial states of the spec's data and
 * compares every step with the reference trajectories by each metric plugin of {@code --metrics}
 * (by default the normalized RMSE {@code ‖û − u‖ / ‖u‖} and the Pearson correlation, each per
 * sample and averaged over the samples). Writes {@code rollout.csv} (one column per metric) and
 * {@code rollout.png} (nRMSE, or else the first metric, on a log scale).
 */
@Command(name = "evaluate", sortOptions = false, description = {
    "Roll the trained network out against the spec's data: the --metrics per step in rollout.csv and rollout.png "
            + "(nRMSE, or else the first metric, on a log scale)."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @CommandLine.Parameters(index = "0", paramLabel = "SPEC", description = "the run spec the network was trained with")
    private Path specFile;

    @Option(names = "--parameters", paramLabel = "FILE", required = true,
            description = "the trained parameters (parameters.safetensors of trainax train)")
    private Path parametersFile;

    @Option(names = "--steps", paramLabel = "N", converter = PositiveInteger.class,
            description = "rollout steps (default: all time levels of the reference data)")
    private Integer steps;

    @Option(names = "--output", paramLabel = "DIR",
            description = "output folder (default: the folder of the parameters file)")
    private Path output;

    @Option(names = "--metrics", paramLabel = "ID[,ID...]", split = ",", defaultValue = DEFAULT_METRICS,
            description = {"metric plugins, one column of rollout.csv each (default: ${DEFAULT-VALUE}); built in: "
                    + "nrmse, correlation, mae, mse, rmse, nmae, nmse, fourier-nrmse, h1-nrmse (trainax plugins "
                    + "--kind metric lists them with their parameters). Parameters follow the id as "
                    + "ID:NAME=VALUE[:NAME=VALUE...], e.g. fourier-nrmse:low=1:high=4:derivativeOrder=1 or "
                    + "h1-nrmse:domainExtent=2; unset parameters take their defaults."})
    private List<String> metrics;

    @Mixin
    private HelpOption help;

    static final String DEFAULT_METRICS = "nrmse,correlation";

    private final RunAssembler assembler;

    @Inject
    EvaluateCommand(RunAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<RolloutMetric> metrics = metrics(assembler.registry(), this.metrics);
        RunSpec spec = assembler.read(specFile);
        Path output = this.output != null ? this.output : parametersFile.toAbsolutePath().getParent();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException("--output: " + output + " is a file, not a folder");
        }
        Engine engine = assembler.engine(spec);
        Network network = assembler.create(PluginKind.NETWORK, spec, "network");
        DataSource data = assembler.create(PluginKind.DATA, spec, "data");
        Parameters parameters = parameters();
        network.initialParameters(0).requireSameStructure("--parameters", parameters);
        INDArray reference = data.trajectories(engine).castTo(DataType.DOUBLE);
        int available = Math.toIntExact(reference.size(1)) - 1;
        if (available < 1) {
            throw new IllegalArgumentException("spec.data: evaluate needs trajectories of at least 2 time levels (an "
                    + "initial state and a step to compare), got " + reference.size(1));
        }
        int steps = this.steps != null ? this.steps : available;
        if (steps > available) {
            throw new IllegalArgumentException("--steps must be ≤ " + available
                    + " (the reference trajectories have " + (available + 1) + " time levels), got " + steps);
        }
        long[] stateShape = Arrays.copyOfRange(reference.shape(), 2, reference.rank());
        try {
            network.checkState(stateShape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec.network." + e.getMessage(), e);
        }
        INDArray initial = RolloutErrors.level(reference, 0);
        for (RolloutMetric metric : metrics) {
            try {
                metric.perSample(initial, initial);      // a metric that cannot compare these states fails here
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--metrics: " + e.getMessage(), e);
            }
        }
        RolloutErrors errors = RolloutErrors.of(engine, network, parameters, reference, steps, metrics);
        int plotted = Math.max(0, errors.names().indexOf("nrmse"));
        double[] curve = errors.column(plotted);
        String csv = errors.csv();
        String label = metrics.get(plotted).name().equals("nrmse") ? "nRMSE" : metrics.get(plotted).name();
        AtomicFiles.write(output.resolve("rollout.csv"), file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
        AtomicFiles.write(output.resolve("rollout.png"), file -> LogPlot.write(file,
                "rollout " + label + " per step against the reference", "rollout step", label,
                List.of(new LogPlot.Series(label, curve, 1, 1))));
        out.printf("rollout of %d steps on %d trajectories: %s step 1 %.4e, step %d %.4e%n", steps,
                reference.size(0), label, curve[0], steps, curve[steps - 1]);
        out.println("outputs in " + output + ": rollout.csv, rollout.png");
        return 0;
    }

    /** The {@code --parameters} file's parameters; a missing, unreadable or malformed file is bad input. */
    private Parameters parameters() {
        if (Files.isDirectory(parametersFile)) {
            throw new IllegalArgumentException("--parameters: " + parametersFile + " is a folder, not a parameter file");
        }
        if (!Files.isReadable(parametersFile)) {
            throw new IllegalArgumentException("--parameters: cannot read " + parametersFile
                    + (Files.exists(parametersFile) ? " (permission denied)" : " (no such file)"));
        }
        try {
            return Parameters.load(parametersFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--parameters: " + e.getMessage(), e);
        }
    }

    /**
     * The metrics of {@code --metrics}: each entry a metric plugin id, optionally followed by
     * {@code :NAME=VALUE} parameters; errors name the option (and the metric and parameter).
     */
    static List<RolloutMetric> metrics(PluginRegistry registry, List<String> entries) {
        List<RolloutMetric> metrics = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            RolloutMetric metric = PluginOption.parse(registry, PluginKind.METRIC, entry, "--metrics")
                    .create(registry, PluginKind.METRIC, "--metrics");
            if (names.contains(metric.name())) {
                throw new IllegalArgumentException("--metrics: the metric '" + metric.name() + "' is given twice");
            }
            names.add(metric.name());
            metrics.add(metric);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("--metrics: name at least one metric; known: "
                    + registry.ids(PluginKind.METRIC));
        }
        return metrics;
    }
}
