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
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code trainax study STUDY}: plans every run of a study (validated before anything runs), writes
 * each run's spec and the evaluation protocol into the study folder, then has a
 * {@link StudyExecutor} run the runs not yet done; a finished run is skipped, an interrupted one
 * resumes from its checkpoints, a failing one is recorded in {@code failures/} and the others go
 * on. Ends with the long results table.
 */
final class StudyJob {

    /** Joins the run ids of a seed group into one piece of work. */
    static final String GROUP = "+";

    private final RunAssembler assembler;
    private final TrainJob trainJob;
    private final SeedGroupTraining seedGroups;

    @Inject
    StudyJob(RunAssembler assembler, TrainJob trainJob, SeedGroupTraining seedGroups) {
        this.assembler = assembler;
        this.trainJob = trainJob;
        this.seedGroups = seedGroups;
    }

    /**
     * How a study runs.
     *
     * @param dryRun         list the runs, run nothing
     * @param metricsPort    serve progress and training metrics on this loopback port (0: a free one),
     *                       or null for no endpoint
     * @param memberBatching train the seeds of an experiment (runs that differ only in
     *                       {@code training.initSeed}) together where their network batches members
     */
    record Options(boolean dryRun, Integer metricsPort, boolean memberBatching) {
    }

    /**
     * Runs the study in {@code studyFile} with {@code executor}; with a metrics port, serves the
     * study's progress ({@link StudyProgressMetrics}) and the training metrics of the runs in this JVM on a
     * Prometheus endpoint while it runs.
     *
     * @return 0 when every run is done, 1 when some failed
     */
    int run(Path studyFile, Options options, StudyExecutor executor, PrintWriter out) {
        StudySpec study = StudySpec.read(studyFile, assembler.registry());
        study.evaluation().rolloutMetrics(assembler.registry());
        List<StudyRun> runs = StudyPlan.runs(study, assembler);
        runs.forEach(run -> testData(run.spec(), study.evaluation(), run.label()));
        StudyFolder folder = new StudyFolder(study.output().toAbsolutePath().normalize());
        List<String> axes = new ArrayList<>(study.grid().keySet());
        axes.addAll(study.zip().keySet());
        if (options.dryRun()) {
            out.printf("%d runs in %s:%n", runs.size(), folder.root());
            runs.forEach(run -> out.printf("  %s  %-8s  %s%n", run.id(), folder.state(run.id()).name().toLowerCase(),
                    run.label()));
            long grouped = work(runs, options.memberBatching()).stream().filter(id -> id.contains(GROUP)).count();
            if (grouped > 0) {
                out.printf("%d seed groups train member-batched (--no-member-batching trains every run alone)%n",
                        grouped);
            }
            return Failures.OK;
        }
        StudyFolder.write(folder.runIndex(), StudyTable.runIndex(axes, runs));
        StudyFolder.write(folder.evaluationProtocol(), RunOutputs.yaml(study.evaluation().asMap()));
        runs.forEach(run -> StudyFolder.write(folder.spec(run.id()), RunOutputs.yaml(run.spec().sections())));
        List<StudyRun> todo = runs.stream().filter(run -> folder.state(run.id()) != StudyFolder.State.DONE).toList();
        out.printf("study %s: %d runs, %d done, %d to run on %s%n", folder.root(), runs.size(),
                runs.size() - todo.size(), todo.size(), executor);
        out.flush();
        List<String> work = work(todo, options.memberBatching());
        if (options.metricsPort() == null) {
            execute(executor, work, new StudyRunTask(folder.root(), this, null, out));
        } else {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            List<String> all = runs.stream().map(StudyRun::id).toList();
            StudyProgressMetrics.register(metrics, folder.root().getFileName().toString(),
                    state -> folder.count(all, state));
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, options.metricsPort())) {
                out.println("metrics: " + endpoint.url());
                out.flush();
                execute(executor, work, new StudyRunTask(folder.root(), this, metrics, out));
            }
        }
        long failed = runs.stream().filter(run -> folder.state(run.id()) != StudyFolder.State.DONE).count();
        StudyFolder.write(folder.results(), StudyTable.results(axes, runs, folder));
        executor.publishResults(folder.results());
        out.printf("%d of %d runs done, %d failed (see %s); results in %s%n", runs.size() - failed, runs.size(),
                failed, folder.root().resolve("failures"), folder.results());
        return failed == 0 ? Failures.OK : Failures.FAILED;
    }

    private static void execute(StudyExecutor executor, List<String> work, StudyRunTask task) {
        task.printTheOthers(work, executor.execute(work, task));
    }

    /**
     * The executor's work: a run id per run, or, with member batching, the ids of a seed group's runs
     * joined by {@value #GROUP}, trained together.
     */
    static List<String> work(List<StudyRun> runs, boolean memberBatching) {
        Map<String, List<String>> work = new LinkedHashMap<>();
        for (StudyRun run : runs) {
            String key = memberBatching && run.seedGroup() != null ? run.seedGroup() : run.id();
            work.computeIfAbsent(key, k -> new ArrayList<>()).add(run.id());
        }
        return work.values().stream().map(ids -> String.join(GROUP, ids)).toList();
    }

    /**
     * Trains (or resumes) and evaluates the runs of one piece of work ({@link #work}); returns what
     * happened to each, one line {@code ID: outcome} per run.
     */
    String runWork(Path root, String work, MeterRegistry metrics) {
        List<String> ids = List.of(work.split(Pattern.quote(GROUP)));
        if (ids.size() == 1) {
            return ids.get(0) + ": " + runOne(root, ids.get(0), metrics);
        }
        return runGroup(new StudyFolder(root), ids);
    }

    /** A seed group: its runs that need training train member-batched, then each is evaluated. */
    private String runGroup(StudyFolder folder, List<String> ids) {
        List<String> untrained = ids.stream().filter(id -> needsTraining(folder, id)).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        StringWriter log = new StringWriter();
        if (untrained.size() > 1) {
            try (PrintWriter groupLog = new PrintWriter(log)) {
                List<RunSpec> specs = untrained.stream().map(id -> RunSpec.read(folder.spec(id))).toList();
                seedGroups.train(specs, untrained.stream().map(folder::run).toList(),
                        folder.group(StudyPlan.id(String.join(GROUP, untrained))), groupLog)
                        .forEach((member, error) -> errors.put(untrained.get(member), error));
            } catch (RuntimeException e) {
                String error = error(e);
                untrained.forEach(id -> errors.put(id, error));
            }
            untrained.forEach(id -> StudyFolder.write(folder.log(id), log.toString()));
        }
        StringBuilder outcomes = new StringBuilder();
        for (String id : ids) {
            String outcome = errors.containsKey(id) ? fail(folder, id, log.toString(), errors.get(id))
                    : untrained.size() > 1 ? evaluateRun(folder, id, log.toString()) : runOne(folder.root(), id, null);
            outcomes.append(outcomes.length() == 0 ? "" : "\n").append(id).append(": ").append(outcome);
        }
        return outcomes.toString();
    }

    private static boolean needsTraining(StudyFolder folder, String id) {
        return !RunFolder.isRun(folder.run(id)) || folder.state(id) == StudyFolder.State.FAILED;
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
            if (needsTraining(folder, id)) {
                RunFolder.Mode mode = RunFolder.isRun(target) ? RunFolder.Mode.OVERWRITE : RunFolder.continuation(target);
                try (PrintWriter runLog = new PrintWriter(log)) {
                    trainJob.run(RunSpec.read(folder.spec(id)), null, target, mode, ProgressListener.NONE, metrics,
                            runLog);
                }
                StudyFolder.write(folder.log(id), log.toString());
            }
        } catch (RuntimeException e) {
            return fail(folder, id, log.toString(), error(e));
        }
        return evaluateRun(folder, id, log.toString());
    }

    /** Evaluates the trained run {@code id} on the study's test set and records it as done. */
    private String evaluateRun(StudyFolder folder, String id, String log) {
        try {
            RunSpec spec = RunSpec.read(folder.spec(id));
            StudySpec.Evaluation evaluation = StudySpec.EVALUATION.create(
                    RunSpec.asMap(RunSpec.parse(folder.evaluationProtocol(), Files.readString(
                            folder.evaluationProtocol())), "study.evaluation"), "study.evaluation",
                    assembler.registry());
            RolloutErrors errors = evaluate(spec, evaluation, folder.run(id));
            StudyFolder.write(folder.evaluation(id), errors.csv());
            Files.deleteIfExists(folder.failure(id));
            double[] first = errors.column(0);
            return String.format("done, %s at step 1 %.4e, at step %d %.4e", errors.names().get(0), first[0],
                    first.length, first[first.length - 1]);
        } catch (RuntimeException | IOException e) {
            return fail(folder, id, log, error(e));
        }
    }

    /** A run's failure as the study records it: the root cause's message on one line. */
    private static String error(Exception e) {
        return Failures.oneLine(String.valueOf(Failures.unwrap(e).getMessage()));
    }

    /** Records the failure of run {@code id} with its error and log. */
    private static String fail(StudyFolder folder, String id, String log, String error) {
        StudyFolder.write(folder.failure(id), error + "\n");
        StudyFolder.write(folder.log(id), log + "failed: " + error + "\n");
        return "failed: " + error;
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
