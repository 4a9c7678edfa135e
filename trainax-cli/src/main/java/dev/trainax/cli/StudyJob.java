package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.trainers.ProgressListener;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code trainax study STUDY}: plans every run of a study (validated before anything runs), then
 * trains and evaluates the runs not yet done on this machine, up to {@code parallel} at once; a
 * finished run is skipped, an interrupted one resumes from its checkpoints, a failing one is
 * recorded in {@code failures/} and the others go on. Ends with the long results table.
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
     * Runs the study in {@code studyFile}.
     *
     * @return 0 when every run is done, 1 when some failed
     */
    int run(Path studyFile, boolean dryRun, int parallel, PrintWriter out) {
        StudySpec study = StudySpec.read(studyFile, assembler.registry());
        List<RolloutMetric> metrics = study.evaluation().rolloutMetrics(assembler.registry());
        List<StudyRun> runs = StudyPlan.runs(study, assembler);
        runs.forEach(run -> testData(run, study.evaluation()));
        StudyFolder folder = new StudyFolder(study.output().toAbsolutePath().normalize());
        List<String> axes = axes(study);
        if (dryRun) {
            out.printf("%d runs in %s:%n", runs.size(), folder.root());
            runs.forEach(run -> out.printf("  %s  %-8s  %s%n", run.id(), folder.state(run.id()).name().toLowerCase(),
                    run.label()));
            return Failures.OK;
        }
        StudyFolder.write(folder.runIndex(), StudyTable.runIndex(axes, runs));
        List<StudyRun> todo = runs.stream().filter(run -> folder.state(run.id()) != StudyFolder.State.DONE).toList();
        out.printf("study %s: %d runs, %d done, %d to run, %d at a time%n", folder.root(), runs.size(),
                runs.size() - todo.size(), todo.size(), parallel);
        out.flush();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudyRun run : todo) {
                futures.add(pool.submit(() -> {
                    String outcome = execute(run, study, folder, metrics);
                    if (outcome.startsWith("failed")) {
                        failed.incrementAndGet();
                    }
                    synchronized (out) {
                        out.printf("run %s (%s): %s%n", run.id(), run.label(), outcome);
                        out.flush();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("study run crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        StudyFolder.write(folder.results(), StudyTable.results(axes, runs, folder));
        out.printf("%d of %d runs done, %d failed (see %s); results in %s%n", runs.size() - failed.get(),
                runs.size(), failed.get(), folder.root().resolve("failures"), folder.results());
        return failed.get() == 0 ? Failures.OK : Failures.FAILED;
    }

    /** Trains (or resumes) and evaluates one run; returns what happened, in words. */
    private String execute(StudyRun run, StudySpec study, StudyFolder folder, List<RolloutMetric> metrics) {
        Path target = folder.run(run.id());
        StringWriter log = new StringWriter();
        try {
            if (!RunFolder.isRun(target) || folder.state(run.id()) == StudyFolder.State.FAILED) {
                RunFolder.Mode mode = RunFolder.isRun(target) ? RunFolder.Mode.OVERWRITE : RunFolder.continuation(target);
                try (PrintWriter runLog = new PrintWriter(log)) {
                    trainJob.run(run.spec(), null, target, mode, ProgressListener.NONE, runLog);
                }
            }
            RolloutErrors errors = evaluate(run, study, target, metrics);
            StudyFolder.write(folder.evaluation(run.id()), errors.csv());
            Files.deleteIfExists(folder.failure(run.id()));
            double[] first = errors.column(0);
            return String.format("done, %s at step 1 %.4e, at step %d %.4e", errors.names().get(0), first[0],
                    first.length, first[first.length - 1]);
        } catch (RuntimeException | IOException e) {
            String error = Failures.oneLine(String.valueOf(Failures.unwrap(e).getMessage()));
            StudyFolder.write(folder.failure(run.id()), error + "\n");
            return "failed: " + error;
        }
    }

    /** The run's rollout metrics on the study's test set, with the parameters it trained. */
    private RolloutErrors evaluate(StudyRun run, StudySpec study, Path target, List<RolloutMetric> metrics) {
        Network network = assembler.create(PluginKind.NETWORK, run.spec(), "network");
        Parameters parameters = Parameters.load(target.resolve("parameters.safetensors"));
        INDArray reference = testData(run, study.evaluation()).trajectories(assembler.engine(run.spec()));
        return RolloutErrors.of(assembler.engine(run.spec()), network, parameters, reference,
                study.evaluation().temporalHorizon(), metrics);
    }

    /** The run's data source with the test set's size, horizon and seed. */
    private DataSource testData(StudyRun run, StudySpec.Evaluation evaluation) {
        Map.Entry<String, Map<String, Object>> data = RunSpec.plugin(run.spec().raw("data"), "spec.data");
        Map<String, Object> arguments = new LinkedHashMap<>(data.getValue());
        arguments.put("numSamples", evaluation.numSamples());
        arguments.put("temporalHorizon", evaluation.temporalHorizon() + 1);
        arguments.put("seed", evaluation.seed());
        try {
            return assembler.registry().create(PluginKind.DATA, data.getKey(), arguments, "spec.data");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("study.evaluation: the test set of run (" + run.label() + "): "
                    + e.getMessage(), e);
        }
    }

    private static List<String> axes(StudySpec study) {
        List<String> axes = new ArrayList<>(study.grid().keySet());
        axes.addAll(study.zip().keySet());
        return axes;
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
