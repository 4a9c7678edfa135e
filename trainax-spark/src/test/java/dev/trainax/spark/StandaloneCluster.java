package dev.trainax.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone master and workers, each a separate JVM started from this test's class and
 * module path, bound to the loopback interface. Workers can be killed with their executors, as
 * when a machine is lost.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path folder;
    private final String classPath;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    StandaloneCluster(Path folder) throws IOException, InterruptedException {
        this.folder = folder;
        this.classPath = Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .flatMap(path -> Stream.of(path.split(File.pathSeparator))).filter(entry -> !entry.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
        this.port = freePort();
        // the worker builds executor command lines below a Spark home; an empty one with no jars will do
        Files.createDirectories(folder.resolve("spark-home/jars"));
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        await(folder.resolve("master.log"), "I have been elected leader");
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Starts a worker with {@code cores} cores and waits until the master has registered it. */
    Process startWorker(int cores) throws IOException, InterruptedException {
        String name = "worker-" + workers.size();
        Process worker = start(name, "org.apache.spark.deploy.worker.Worker", url(), "--host", "127.0.0.1",
                "--cores", Integer.toString(cores), "--memory", "2g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", folder.resolve(name + "-work").toString());
        workers.add(worker);
        await(folder.resolve(name + ".log"), "Successfully registered with master");
        return worker;
    }

    /** Whether worker {@code index} launched an executor of some application. */
    boolean launchedExecutors(int index) throws IOException {
        Path work = folder.resolve("worker-" + index + "-work");
        if (!Files.isDirectory(work)) {
            return false;
        }
        try (Stream<Path> applications = Files.list(work)) {
            return applications.anyMatch(application -> application.getFileName().toString().startsWith("app-"));
        }
    }

    /** Kills a worker and every process it started (its executors) at once, as a lost machine. */
    static void kill(Process worker) throws InterruptedException {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly().waitFor();
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", folder.resolve("spark-home").toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static void await(Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' in " + log + " after 90 s:\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process worker : workers) {
            kill(worker);
        }
        master.destroyForcibly().waitFor();
    }
}
