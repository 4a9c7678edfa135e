package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where the runs of a study execute: threads of this JVM, or the executors of an Apache Spark
 * cluster. The study plans the runs and writes each one's spec into its folder; an executor only
 * calls the task once per run id, anywhere that sees that folder.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface StudyExecutor {

    /**
     * Runs {@code task} for every id and returns each run's outcome, in the order of
     * {@code runIds}. Tasks may run concurrently, in other processes or on other machines, and
     * again after a lost worker: a task is idempotent (a finished run is skipped, an interrupted
     * one resumes from its checkpoints).
     */
    List<String> execute(List<String> runIds, RunTask task);

    /**
     * Called once after the study wrote its long results table as CSV, with runs done or not: an
     * executor may publish it further (Spark's writes it as Parquet beside the CSV) and release
     * what {@link #execute} held. By default nothing.
     */
    default void publishResults(Path resultsCsv) {
    }

    /** One run of a study, by id; serializable, so that an executor may ship it to another JVM. */
    @FunctionalInterface
    interface RunTask extends Serializable {

        /**
         * Trains and evaluates the run (or finds it done) and returns its outcome in words,
         * starting with {@code done} or {@code failed}; a failure is recorded, not thrown.
         */
        String run(String runId);
    }
}
