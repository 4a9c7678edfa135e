package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.api.plugin.PluginKind;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainax evaluate SPEC --parameters FILE [--steps N] [--output DIR]}: rolls the trained
 * network out autoregressively from the initial states of the spec's data and compares every step
 * with the reference trajectories: normalized RMSE ({@code ‖û − u‖ / ‖u‖} per sample, averaged)
 * and the Pearson correlation (per sample, averaged). Writes {@code rollout.csv} and
 * {@code rollout.png} (nRMSE on a log scale).
 */
@Command(name = "evaluate", sortOptions = false, description = {
    "Roll the trained network out against the spec's data: nRMSE and correlation per step in rollout.csv and "
            + "rollout.png."})
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

    @Mixin
    private HelpOption help;

    private final RunAssembler assembler;

    @Inject
    EvaluateCommand(RunAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        RunSpec spec = RunSpec.read(specFile);
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
        Rollout rollout = engine.compileRollout(network, parameters, stateShape, DataType.DOUBLE);
        INDArray predicted = rollout.trajectory(level(reference, 0), steps);

        StringBuilder csv = new StringBuilder("step,nrmse,correlation\n");
        double[] nrmse = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double[] scores = scores(level(predicted, t), level(reference, t));
            nrmse[t - 1] = scores[0];
            csv.append(t).append(',').append(scores[0]).append(',').append(scores[1]).append('\n');
        }
        AtomicFiles.write(output.resolve("rollout.csv"), file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
        AtomicFiles.write(output.resolve("rollout.png"), file -> LogPlot.write(file,
                "rollout nRMSE per step against the reference", "rollout step", "nRMSE",
                List.of(new LogPlot.Series("nRMSE", nrmse, 1, 1))));
        out.printf("rollout of %d steps on %d trajectories: nRMSE step 1 %.4e, step %d %.4e%n", steps,
                reference.size(0), nrmse[0], steps, nrmse[steps - 1]);
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

    private static INDArray level(INDArray trajectories, int t) {
        return trajectories.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup();
    }

    /** Mean over samples of the normalized RMSE and of the Pearson correlation. */
    static double[] scores(INDArray predicted, INDArray reference) {
        long samples = predicted.size(0);
        INDArray p = predicted.reshape(samples, -1);
        INDArray r = reference.reshape(samples, -1);
        double nrmse = 0;
        double correlation = 0;
        for (long s = 0; s < samples; s++) {
            INDArray ps = p.getRow(s);
            INDArray rs = r.getRow(s);
            nrmse += ps.distance2(rs) / Math.max(rs.norm2Number().doubleValue(), 1e-300);
            INDArray pc = ps.sub(ps.meanNumber());
            INDArray rc = rs.sub(rs.meanNumber());
            double denominator = pc.norm2Number().doubleValue() * rc.norm2Number().doubleValue();
            correlation += denominator > 0 ? pc.mul(rc).sumNumber().doubleValue() / denominator : 0;
        }
        return new double[] {nrmse / samples, correlation / samples};
    }
}
