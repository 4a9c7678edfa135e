package dev.trainax.cli;

import com.google.inject.Guice;
import dev.trainax.api.StudyExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task a {@link StudyExecutor} runs per run id: {@link StudyJob#runOne} on the study folder.
 * In this JVM it uses the study's own job, prints each outcome and sends training metrics to the
 * study's registry, if it has one; shipped to another JVM (a Spark executor) it builds the command
 * line's object graph there once and neither prints nor publishes.
 */
final class StudyRunTask implements StudyExecutor.RunTask {

    private static final long serialVersionUID = 1L;

    private final String folder;
    private transient StudyJob job;
    private transient MeterRegistry metrics;
    private transient PrintWriter out;
    private transient Set<String> printed;

    StudyRunTask(Path folder, StudyJob job, MeterRegistry metrics, PrintWriter out) {
        this.folder = folder.toString();
        this.job = job;
        this.metrics = metrics;
        this.out = out;
        this.printed = ConcurrentHashMap.newKeySet();
    }

    @Override
    public String run(String runId) {
        String outcome = job().runOne(Path.of(folder), runId, metrics);
        if (out != null) {
            print(runId, outcome);
            printed.add(runId);
        }
        return outcome;
    }

    /** Prints the outcomes this task did not print as they came: those of runs trained by copies of it. */
    void printTheOthers(List<String> runIds, List<String> outcomes) {
        for (int i = 0; i < runIds.size(); i++) {
            if (!printed.contains(runIds.get(i))) {
                print(runIds.get(i), outcomes.get(i));
            }
        }
    }

    private void print(String runId, String outcome) {
        synchronized (out) {
            out.printf("run %s: %s%n", runId, outcome);
            out.flush();
        }
    }

    private synchronized StudyJob job() {
        if (job == null) {
            job = Guice.createInjector(new CliModule()).getInstance(StudyJob.class);
        }
        return job;
    }
}
