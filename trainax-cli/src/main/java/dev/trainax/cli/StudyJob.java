package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.StudyExecutor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.callbacks.StudyProgressMetrics;
import dev.trainax.metrics.prometheus.PrometheusEndpoint;
import dev.trainax.trainers.ProgressListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code trainax study STUDY}: plans every run of a study (validated before anything runs), writes
 * each run's spec and the evaluation protocol into the study folder, then has a
 * {@link StudyExecutor} run the runs not yet done; a finished run is skipped, an interrupted one
 * resumes from its checkpoints, a failing one is recorded in {@code failures/} and the others go
 * on. Ends with the long results table.
 */
final class StudyJob {

    private final RunAssembler assembler;
    private final TrainJob trainJob;

    @Inject
    StudyJob(RunAssembler assembler, TrainJob trainJob) {
        this.assembler = assembler;
        this.trainJob = trainJob;
    }

    /**
     * Runs the study in {@code studyFile} with {@code executor}; with a {@code metricsPort}, serves the
     * study's progress ({@link StudyProgressMetrics}) and the training metrics of the runs in this JVM on a
     * Prometheus endpoint while it runs.
     *
     * @param metricsPort the endpoint's loopback port (0: a free one), or null for no endpoint
     * @return 0 when every run is done, 1 when some failed
     */
    int run(Path studyFile, boolean dryRun, StudyExecutor executor, Integer metricsPort, PrintWriter out) {
        StudySpec study = StudySpec.read(studyFile, assembler.registry());
        study.evaluation().rolloutMetrics(assembler.registry());
        List<StudyRun> runs = StudyPlan.runs(study, assembler);
        runs.forEach(run -> testData(run.spec(), study.evaluation(), run.label()));
        StudyFolder folder = new StudyFolder(study.output().toAbsolutePath().normalize());
        List<String> axes = new ArrayList<>(study.grid().keySet());
        axes.addAll(study.zip().keySet());
        if (dryRun) {
            out.printf("%d runs in %s:%n", runs.size(), folder.root());
            runs.forEach(run -> out.printf("  %s  %-8s  %s%n", run.id(), folder.state(run.id()).name().toLowerCase(),
                    run.label()));
            return Failures.OK;
        }
        StudyFolder.write(folder.runIndex(), StudyTable.runIndex(axes, runs));
        StudyFolder.write(folder.evaluationProtocol(), RunOutputs.yaml(study.evaluation().asMap()));
        runs.forEach(run -> StudyFolder.write(folder.spec(run.id()), RunOutputs.yaml(run.spec().sections())));
        List<StudyRun> todo = runs.stream().filter(run -> folder.state(run.id()) != StudyFolder.State.DONE).toList();
        out.printf("study %s: %d runs, %d done, %d to run on %s%n", folder.root(), runs.size(),
                runs.size() - todo.size(), todo.size(), executor);
        out.flush();
        List<String> ids = todo.stream().map(StudyRun::id).toList();
        List<String> outcomes;
        if (metricsPort == null) {
            outcomes = execute(executor, ids, new StudyRunTask(folder.root(), this, null, out));
        } else {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            List<String> all = runs.stream().map(StudyRun::id).toList();
            StudyProgressMetrics.register(metrics, folder.root().getFileName().toString(),
                    state -> folder.count(all, state));
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, metricsPort)) {
                out.println("metrics: " + endpoint.url());
                out.flush();
                outcomes = execute(executor, ids, new StudyRunTask(folder.root(), this, metrics, out));
            }
        }
        long failed = outcomes.stream().filter(outcome -> !outcome.startsWith("done")).count();
        StudyFolder.write(folder.results(), StudyTable.results(axes, runs, folder));
        executor.publishResults(folder.results());
        out.printf("%d of %d runs done, %d failed (see %s); results in %s%n", runs.size() - failed, runs.size(),
                failed, folder.root().resolve("failures"), folder.results());
        return failed == 0 ? Failures.OK : Failures.FAILED;
    }

    private static List<String> execute(StudyExecutor executor, List<String> ids, StudyRunTask task) {
        List<String> outcomes = executor.execute(ids, task);
        task.printTheOthers(ids, outcomes);
        return outcomes;
    }

    /**
     * Trains (or resumes) and evaluates the run {@code id} of the study in {@code root} from the spec
     * and protocol the study wrote there; returns what happened, in words. Failures are recorded
     * in {@code failures/ID.txt}, not thrown. Training metrics go to {@code metrics} (or nowhere: null).
     */
    String runOne(Path root, String id, MeterRegistry metrics) {
        StudyFolder folder = new StudyFolder(root);
        Path target = folder.run(id);
        StringWriter log = new StringWriter();
        try {
            RunSpec spec = RunSpec.read(folder.spec(id));
            StudySpec.Evaluation evaluation = StudySpec.EVALUATION.create(
                    RunSpec.asMap(RunSpec.parse(folder.evaluationProtocol(), Files.readString(
                            folder.evaluationProtocol())), "study.evaluation"), "study.evaluation",
                    assembler.registry());
            if (!RunFolder.isRun(target) || folder.state(id) == StudyFolder.State.FAILED) {
                RunFolder.Mode mode = RunFolder.isRun(target) ? RunFolder.Mode.OVERWRITE : RunFolder.continuation(target);
                try (PrintWriter runLog = new PrintWriter(log)) {
                    trainJob.run(spec, null, target, mode, ProgressListener.NONE, metrics, runLog);
                }
                StudyFolder.write(folder.log(id), log.toString());
            }
            RolloutErrors errors = evaluate(spec, evaluation, target);
            StudyFolder.write(folder.evaluation(id), errors.csv());
            Files.deleteIfExists(folder.failure(id));
            double[] first = errors.column(0);
            return String.format("done, %s at step 1 %.4e, at step %d %.4e", errors.names().get(0), first[0],
                    first.length, first[first.length - 1]);
        } catch (RuntimeException | IOException e) {
            String error = Failures.oneLine(String.valueOf(Failures.unwrap(e).getMessage()));
            StudyFolder.write(folder.failure(id), error + "\n");
            StudyFolder.write(folder.log(id), log + "failed: " + error + "\n");
            return "failed: " + error;
        }
    }

    /** The run's rollout metrics on the study's test set, with the parameters it trained. */
    private RolloutErrors evaluate(RunSpec spec, StudySpec.Evaluation evaluation, Path target) {
        Network network = assembler.create(PluginKind.NETWORK, spec, "network");
        Parameters parameters = Parameters.load(target.resolve("parameters.safetensors"));
        INDArray reference = testData(spec, evaluation, target.getFileName().toString())
                .trajectories(assembler.engine(spec));
        return RolloutErrors.of(assembler.engine(spec), network, parameters, reference, evaluation.temporalHorizon(),
                evaluation.rolloutMetrics(assembler.registry()));
    }

    /** The run's data source with the test set's size, horizon and seed. */
    private DataSource testData(RunSpec spec, StudySpec.Evaluation evaluation, String run) {
        Map.Entry<String, Map<String, Object>> data = RunSpec.plugin(spec.raw("data"), "spec.data");
        Map<String, Object> arguments = new LinkedHashMap<>(data.getValue());
        arguments.put("numSamples", evaluation.numSamples());
        arguments.put("temporalHorizon", evaluation.temporalHorizon() + 1);
        arguments.put("seed", evaluation.seed());
        try {
            return assembler.registry().create(PluginKind.DATA, data.getKey(), arguments, "spec.data");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("study.evaluation: the test set of run (" + run + "): "
                    + e.getMessage(), e);
        }
    }

    /** {@code trainax study status DIR}: every run's state, and the error of each failed one. */
    static int status(Path root, PrintWriter out) {
        StudyFolder folder = new StudyFolder(root.toAbsolutePath().normalize());
        if (!Files.isRegularFile(folder.runIndex())) {
            throw new IllegalArgumentException("study status: " + folder.root() + " is not a study folder (no "
                    + folder.runIndex().getFileName() + ")");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.runIndex());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.runIndex(), e);
        }
        Map<StudyFolder.State, Integer> counts = new LinkedHashMap<>();
        for (StudyFolder.State state : StudyFolder.State.values()) {
            counts.put(state, 0);
        }
        for (String line : lines.subList(1, lines.size())) {
            String id = line.substring(0, line.indexOf(','));
            StudyFolder.State state = folder.state(id);
            counts.merge(state, 1, Integer::sum);
            out.printf("%s  %-8s  %s%s%n", id, state.name().toLowerCase(), line.substring(id.length() + 1),
                    folder.error(id).map(error -> "\n    " + error).orElse(""));
        }
        out.printf("%d runs: %d done, %d running or interrupted, %d failed, %d pending%n", lines.size() - 1,
                counts.get(StudyFolder.State.DONE), counts.get(StudyFolder.State.RUNNING),
                counts.get(StudyFolder.State.FAILED), counts.get(StudyFolder.State.PENDING));
        return Failures.OK;
    }
}
