package dev.trainax.cli;

import com.google.inject.Guice;
import dev.trainax.api.StudyExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;

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

    StudyRunTask(Path folder, StudyJob job, MeterRegistry metrics, PrintWriter out) {
        this.folder = folder.toString();
        this.job = job;
        this.metrics = metrics;
        this.out = out;
    }

    @Override
    public String run(String runId) {
        String outcome = job().runOne(Path.of(folder), runId, metrics);
        if (out != null) {
            synchronized (out) {
                out.printf("run %s: %s%n", runId, outcome);
                out.flush();
            }
        }
        return outcome;
    }

    private synchronized StudyJob job() {
        if (job == null) {
            job = Guice.createInjector(new CliModule()).getInstance(StudyJob.class);
        }
        return job;
    }
}
