package dev.trainax.cli;

import dev.trainax.api.StudyExecutor;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.api.plugin.StudyExecutorProvider;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code embedded} study executor: the runs train in threads of this JVM, at most
 * {@code parallel} at once (each with its own graph; run ND4J with one OpenMP thread per run).
 *
 * @param parallel runs at once; 0 for the number of cores
 */
record EmbeddedExecutor(
        @Param(value = "runs trained at once; 0: the number of cores", defaultValue = "0", min = 0) int parallel)
        implements StudyExecutor {

    @Override
    public List<String> execute(List<String> workIds, RunTask task) {
        int threads = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            workIds.forEach(id -> futures.add(pool.submit(() -> task.run(id))));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a study run crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code embedded}: the service provider. */
    public static final class Provider extends RecordProvider<EmbeddedExecutor, StudyExecutor>
            implements StudyExecutorProvider {

        /** Service constructor. */
        public Provider() {
            super("embedded", "runs in threads of this JVM, a bounded number at once", EmbeddedExecutor.class,
                    MethodHandles.lookup(), executor -> executor);
        }
    }
}
