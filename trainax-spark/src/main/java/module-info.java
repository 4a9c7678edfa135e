/**
 * The {@code spark} study executor: the runs of a study as Apache Spark tasks. Exports nothing and
 * only provides the plugin, like a JUnit test engine; Spark itself stays on the class path (its
 * jars are not modules), which this module reads.
 */
module dev.trainax.spark {
    requires dev.trainax.api;

    provides dev.trainax.api.plugin.StudyExecutorProvider with dev.trainax.spark.SparkExecutorProvider;
}
