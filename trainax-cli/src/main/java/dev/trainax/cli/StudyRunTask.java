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
 * The task a {@link StudyExecutor} runs per piece of work (a run, or a seed group's runs):
 * {@link StudyJob#runWork} on the study folder.
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
    public String run(String work) {
        String outcomes = job().runWork(Path.of(folder), work, metrics);
        if (out != null) {
            print(outcomes);
            printed.add(work);
        }
        return outcomes;
    }

    /** Prints the outcomes this task did not print as they came: those of work done by copies of it. */
    void printTheOthers(List<String> work, List<String> outcomes) {
        for (int i = 0; i < work.size(); i++) {
            if (!printed.contains(work.get(i))) {
                print(outcomes.get(i));
            }
        }
    }

    /** Prints {@code ID: outcome} lines as {@code run ID: outcome}. */
    private void print(String outcomes) {
        synchronized (out) {
            outcomes.lines().forEach(line -> out.println("run " + line));
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
