package dev.trainax.cli;

import com.google.inject.Guice;
import dev.trainax.api.StudyExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The task a {@link StudyExecutor} runs per run id: {@link StudyJob#runOne} on the study folder.
 * In this JVM it uses the study's own job and prints each outcome; shipped to another JVM (a Spark
 * executor) it builds the command line's object graph there once and prints nothing.
 */
final class StudyRunTask implements StudyExecutor.RunTask {

    private static final long serialVersionUID = 1L;

    private final String folder;
    private transient StudyJob job;
    private transient PrintWriter out;

    StudyRunTask(Path folder, StudyJob job, PrintWriter out) {
        this.folder = folder.toString();
        this.job = job;
        this.out = out;
    }

    @Override
    public String run(String runId) {
        String outcome = job().runOne(Path.of(folder), runId);
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
