package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where the runs of a study execute: threads of this JVM, or the executors of an Apache Spark
 * cluster. The study plans the runs and writes each one's spec into its folder; an executor only
 * calls the task once per piece of work, anywhere that sees that folder. A piece of work is one
 * run, or the runs of a seed group that train together (member-batched); its id is opaque to the
 * executor.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface StudyExecutor {

    /**
     * Runs {@code task} for every id and returns each outcome, in the order of {@code workIds}.
     * Tasks may run concurrently, in other processes or on other machines, and again after a lost
     * worker: a task is idempotent (a finished run is skipped, an interrupted one resumes from its
     * checkpoints).
     */
    List<String> execute(List<String> workIds, RunTask task);

    /**
     * Called once after the study wrote its long results table as CSV, with runs done or not: an
     * executor may publish it further (Spark's writes it as Parquet beside the CSV) and release
     * what {@link #execute} held. By default nothing.
     */
    default void publishResults(Path resultsCsv) {
    }

    /** One piece of a study's work, by id; serializable, so that an executor may ship it to another JVM. */
    @FunctionalInterface
    interface RunTask extends Serializable {

        /**
         * Trains and evaluates the piece's runs (or finds them done) and returns their outcomes in
         * words, a line {@code RUN-ID: done ...} or {@code RUN-ID: failed: ...} per run; a failure
         * is recorded, not thrown.
         */
        String run(String workId);
    }
}
