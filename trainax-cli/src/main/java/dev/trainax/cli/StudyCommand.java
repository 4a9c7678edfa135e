package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.StudyExecutor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainax study STUDY [--dry-run] [--parallel N] [--metrics-port PORT]} runs a study through a {@link StudyJob};
 * {@code trainax study status DIR} shows where its runs stand.
 */
@Command(name = "study", sortOptions = false, subcommands = {StudyCommand.Status.class, StudyCommand.Report.class}, description = {
    "Run a study: a base spec and axes over spec paths (grid and zip), every run trained and evaluated on a test "
            + "set; relaunching skips finished runs and resumes interrupted ones. Results in DIR/results.csv."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    // optional for picocli, so that 'study status DIR' needs no STUDY; required by call()
    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY", description = "the study file (YAML or JSON)")
    private Path studyFile;

    @Option(names = "--dry-run", description = "list the runs with their ids and states, run nothing")
    private boolean dryRun;

    @Option(names = "--executor", paramLabel = "ID[:NAME=VALUE...]", defaultValue = "embedded",
            description = "where the runs execute (default: ${DEFAULT-VALUE}, threads of this JVM; trainax plugins "
                    + "--kind study-executor lists the executors and their parameters)")
    private String executor;

    @Option(names = "--parallel", paramLabel = "N", converter = PositiveInteger.class,
            description = "runs at once: the executor's parameter parallel (embedded: default the number of cores)")
    private Integer parallel;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve the study's progress (runs done, running, failed, pending) and the training "
                    + "metrics of the runs in this JVM for Prometheus on 127.0.0.1:PORT/metrics while it runs "
                    + "(0: a free port)")
    private Integer metricsPort;

    @Option(names = "--member-batching", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "train the seeds of an experiment (runs that differ only in training.initSeed) together, "
                    + "member-batched, where the network supports it (default; --no-member-batching trains every "
                    + "run alone)")
    private boolean memberBatching;

    @Mixin
    private HelpOption help;

    private final StudyJob job;
    private final PluginRegistry registry;

    @Inject
    StudyCommand(StudyJob job, PluginRegistry registry) {
        this.job = job;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        if (studyFile == null) {
            throw new ParameterException(command.commandLine(), "Missing required parameter: 'STUDY'");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new ParameterException(command.commandLine(), "--metrics-port: must be a port in [0, 65535], got "
                    + metricsPort);
        }
        PluginOption option = PluginOption.parse(registry, PluginKind.STUDY_EXECUTOR, executor, "--executor");
        if (parallel != null) {
            option.arguments().put("parallel", parallel);
        }
        StudyExecutor studyExecutor = option.create(registry, PluginKind.STUDY_EXECUTOR, "--executor");
        return job.run(studyFile, new StudyJob.Options(dryRun, metricsPort, memberBatching), studyExecutor,
                command.commandLine().getOut());
    }

    /** {@code trainax study status DIR}. */
    @Command(name = "status", description = "Show every run of the study in DIR: done, running or interrupted, "
            + "failed (with its error) or pending.")
    static final class Status implements Callable<Integer> {

        @Spec
        private CommandSpec command;

        @Parameters(index = "0", paramLabel = "DIR", description = "the study's output folder")
        private Path folder;

        @Mixin
        private HelpOption help;

        @Override
        public Integer call() {
            return StudyJob.status(folder, command.commandLine().getOut());
        }
    }

    /** {@code trainax study report DIR [--metric ID] [--steps K] [--baseline AXIS=VALUE]}. */
    @Command(name = "report", sortOptions = false, description = {"Summarise the study in DIR: per configuration "
            + "the geometric mean of a metric over the first K rollout steps, its mean over seeds with a 95 % "
            + "interval and its ratio to a baseline (report/summary.csv, report/summary.md), and plots of the "
            + "metric per rollout step and of the training loss with bands over the seeds."})
    static final class Report implements Callable<Integer> {

        @Spec
        private CommandSpec command;

        @Parameters(index = "0", paramLabel = "DIR", description = "the study's output folder")
        private Path folder;

        @Option(names = "--metric", paramLabel = "NAME", defaultValue = "nrmse",
                description = "the metric column summarised (default: ${DEFAULT-VALUE})")
        private String metric;

        @Option(names = "--steps", paramLabel = "K", defaultValue = "100", converter = PositiveInteger.class,
                description = "rollout steps in the geometric mean (default: ${DEFAULT-VALUE}, as APEBench)")
        private Integer steps;

        @Option(names = "--baseline", paramLabel = "AXIS=VALUE",
                description = "ratios to the configuration with this axis value, the other axes equal, e.g. "
                        + "configuration.numRolloutSteps=1")
        private String baseline;

        @Mixin
        private HelpOption help;

        @Override
        public Integer call() {
            return StudyReport.write(folder, metric, steps, baseline, command.commandLine().getOut());
        }
    }
}
