package dev.trainax.spark;

import dev.trainax.api.StudyExecutor;
import dev.trainax.api.plugin.Param;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark} study executor: each piece of a study's work (a run, or a seed group that trains
 * member-batched) is one Spark task. Spark retries a task that fails or whose executor is lost
 * (up to {@code maxTaskFailures} attempts), and the retried work resumes from its checkpoints, so a
 * lost worker costs at most the steps since its last checkpoint. Every task reads and writes the study folder: on a cluster it must lie on a file
 * system all workers see. After the study, its long results table is also written as Parquet
 * ({@code results.parquet}, through a Spark DataFrame).
 *
 * <p>Three ways to use it: {@code trainax study STUDY --executor spark:master=local[2]} (Spark in
 * this JVM), {@code --executor spark:master=spark://host:7077} against a standalone cluster (the
 * executors get this JVM's class and module path, which must exist on the workers), and
 * {@code spark-submit} of this module's application jar (the command line and its dependencies but
 * Spark) with {@code study STUDY --executor spark}, where {@code spark-submit} sets the master.
 *
 * @param master          Spark master URL; null: the one spark-submit set, or {@code local[*]}
 * @param maxTaskFailures attempts per run before the study records it as failed
 * @param appName         the application's name in Spark's UI
 */
record SparkExecutor(
        @Param(value = "Spark master URL (local[N], spark://host:port); absent: spark-submit's, else local[*]",
                optional = true) String master,
        @Param(value = "attempts per run (Spark's spark.task.maxFailures)", defaultValue = "4", min = 1)
        int maxTaskFailures,
        @Param(value = "the application's name in Spark's UI", defaultValue = "trainax-study") String appName)
        implements StudyExecutor {

    /** {@code local[N]} or {@code local[*]}, without a retry count. */
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\d+|\\*)])?");

    @Override
    public List<String> execute(List<String> workIds, RunTask task) {
        if (workIds.isEmpty()) {
            return List.of();
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(session().sparkContext());
        return context.parallelize(workIds, workIds.size()).map(task::run).collect();
    }

    @Override
    public void publishResults(Path resultsCsv) {
        SparkSession spark = session();
        try {
            Path parquet = resultsCsv.resolveSibling("results.parquet");
            spark.read().option("header", true).option("inferSchema", true).csv(resultsCsv.toString())
                    .coalesce(1).write().mode(SaveMode.Overwrite).parquet(parquet.toString());
        } finally {
            spark.stop();
        }
    }

    /** The session of this configuration, started on first use. */
    private SparkSession session() {
        SparkConf conf = new SparkConf().setAppName(appName).set("spark.task.maxFailures",
                Integer.toString(maxTaskFailures)).set("spark.ui.enabled", "false");
        String url = master == null ? conf.get("spark.master", "local[*]") : master;
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            // local mode retries a task only when the master URL says how often
            conf.setMaster("local[" + (local.group(2) == null ? "1" : local.group(2)) + "," + maxTaskFailures + "]");
        } else {
            conf.setMaster(url);
            conf.setIfMissing("spark.executor.extraClassPath", ownPath());
            // what spark-submit would add: the executors' JVMs open what Spark needs on Java 17
            conf.setIfMissing("spark.executor.extraJavaOptions", JavaModuleOptions.defaultModuleOptions());
        }
        // ND4J: one OpenMP thread per task (two are many times slower on a busy machine)
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** This JVM's class path and module path, for executors that run on machines sharing its files. */
    private static String ownPath() {
        return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .flatMap(path -> Stream.of(path.split(File.pathSeparator))).filter(entry -> !entry.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
