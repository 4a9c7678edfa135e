package dev.trainax.spark;

import dev.trainax.api.StudyExecutor;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.api.plugin.StudyExecutorProvider;
import java.lang.invoke.MethodHandles;

/** {@code spark}: the study executor on Apache Spark ({@link SparkExecutor}). */
public final class SparkExecutorProvider extends RecordProvider<SparkExecutor, StudyExecutor>
        implements StudyExecutorProvider {

    /** Service constructor. */
    public SparkExecutorProvider() {
        super("spark", "each run one Spark task, retried after a lost executor; results also as Parquet",
                SparkExecutor.class, MethodHandles.lookup(), executor -> executor);
    }
}
