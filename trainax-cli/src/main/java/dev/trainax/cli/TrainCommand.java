package dev.trainax.cli;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainax train SPEC [--steps N] [--output DIR | --resume DIR] [--overwrite]}: trains from a
 * run spec (YAML or JSON) through a {@link TrainJob}. Options are picocli fields: a new one is a
 * field here and its use in {@link #call()}.
 */
@Command(name = "train", sortOptions = false, description = {
    "Train from a run spec (YAML or JSON; see examples/). The output folder receives parameters.safetensors, "
            + "loss.csv, loss.png, spec.resolved.yaml, result.yaml, checkpoints/ and manifest.sha256, made visible "
            + "together; an interrupted run continues with --resume."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the run spec (YAML or JSON)")
    private Path specFile;

    @Option(names = "--steps", paramLabel = "N", converter = PositiveInteger.class,
            description = "number of training steps, instead of the spec's numTrainingSteps")
    private Integer steps;

    @ArgGroup(exclusive = true)
    private Target target;

    @Option(names = "--overwrite", description = "replace the outputs of a previous run (or discard an interrupted "
            + "run) in the output folder")
    private boolean overwrite;

    @Mixin
    private HelpOption help;

    /** Where the outputs go: a new folder, or the folder of a run to continue. */
    static final class Target {
        @Option(names = "--output", paramLabel = "DIR", description = "output folder, instead of the spec's output")
        private Path output;

        @Option(names = "--resume", paramLabel = "DIR", description = "continue the run whose output folder is DIR "
                + "from its latest checkpoint (an interrupted run, or a finished one with a larger --steps)")
        private Path resume;
    }

    private final TrainJob job;

    @Inject
    TrainCommand(TrainJob job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        boolean resume = target != null && target.resume != null;
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other: resume continues the run "
                    + "in the folder, overwrite replaces it");
        }
        RunFolder.Mode mode = resume ? RunFolder.Mode.RESUME : overwrite ? RunFolder.Mode.OVERWRITE
                : RunFolder.Mode.NEW;
        Path output = target == null ? null : resume ? target.resume : target.output;
        return job.run(specFile, steps, output, mode, command.commandLine().getOut());
    }
}
