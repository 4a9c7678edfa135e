package dev.trainax.cli;

import com.google.inject.Inject;
import dev.trainax.api.Parameters;
import dev.trainax.trainers.Checkpoint;
import dev.trainax.trainers.CheckpointStore;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the seeds of one study experiment together: runs whose specs differ only in
 * {@code training.initSeed} become the members of one ensemble ({@link GeneralTrainer#trainEnsemble}:
 * one member-batched computation per step, the same minibatches, each member from its own
 * initialisation). The ensemble's checkpoints live in a group folder and resume like a run's; each
 * member's outputs become a complete run folder of its own, as if it had trained alone.
 */
final class SeedGroupTraining {

    private final RunAssembler assembler;

    @Inject
    SeedGroupTraining(RunAssembler assembler) {
        this.assembler = assembler;
    }

    /**
     * Trains the runs {@code specs} into {@code outputs} (one each), checkpointing in {@code group}.
     *
     * @return the error of each member whose training diverged, by its index (its outputs are written
     *         all the same, as {@code trainax train} writes a diverged run's)
     * @throws IllegalArgumentException if the specs differ in {@code training.seed} (the study groups only
     *                                  specs that differ in {@code training.initSeed} alone)
     */
    Map<Integer, String> train(List<RunSpec> specs, List<Path> outputs, Path group, PrintWriter out) {
        List<SpecRun> members = specs.stream().map(spec -> assembler.assemble(spec, Map.of())).toList();
        List<String> resolved = members.stream()
                .map(member -> RunOutputs.yaml(SpecResolver.resolve(member, assembler.registry()))).toList();
        SpecRun first = members.get(0);
        for (int k = 1; k < members.size(); k++) {
            if (members.get(k).training().seed() != first.training().seed()) {
                throw new IllegalArgumentException("a seed group's runs must share training.seed, got "
                        + first.training().seed() + " and " + members.get(k).training().seed());
            }
        }
        String note = String.join("\n---\n", resolved);
        RunFolder groupFolder = RunFolder.check(group, RunFolder.continuation(group));
        RunPlan plan = first.planBuilder().checkpoints(groupFolder.checkpoints())
                .checkpointNote(TrainJob.SPEC_NOTE, note).plan();
        GeneralTrainer trainer = plan.trainer();
        Optional<Checkpoint> checkpoint = resumable(groupFolder, note);
        groupFolder.prepare(checkpoint.isPresent() ? RunFolder.Mode.RESUME : RunFolder.Mode.OVERWRITE);
        List<RunFolder> folders = new ArrayList<>();
        for (Path output : outputs) {
            RunFolder folder = RunFolder.check(output, RunFolder.Mode.OVERWRITE);
            folder.prepare(RunFolder.Mode.OVERWRITE);
            folders.add(folder);
        }
        List<Parameters> initials = members.stream()
                .map(member -> member.network().initialParameters(member.training().initSeed())).toList();
        out.printf("training %d seeds of %s on %s together (member-batched), %d steps%s%n", members.size(),
                first.network(), plan.configuration().getClass().getSimpleName(),
                plan.training().numTrainingSteps(),
                checkpoint.map(c -> ", resuming after update step " + c.step()).orElse(""));
        List<TrainingResult> results = checkpoint.isPresent()
                ? trainer.resume(first.network(), checkpoint.get())
                : trainer.trainEnsemble(first.network(), initials, first.training().seed());
        Map<Integer, String> diverged = new LinkedHashMap<>();
        for (int k = 0; k < results.size(); k++) {
            TrainingResult result = results.get(k);
            RunOutputs.write(folders.get(k).work(), result, plan.training().recordLossEvery(), resolved.get(k));
            folders.get(k).commit();
            out.printf("member %d: final loss %.4e after %d update steps%n", k, result.finalLoss(),
                    result.updateSteps());
            if (result.diverged()) {
                diverged.put(k, "training diverged, " + result.stopReason());
            }
        }
        groupFolder.discard();
        return diverged;
    }

    /** The group's latest checkpoint, if an interrupted attempt of these very members wrote one. */
    private static Optional<Checkpoint> resumable(RunFolder group, String note) {
        if (RunFolder.continuation(group.target()) != RunFolder.Mode.RESUME) {
            return Optional.empty();
        }
        return new CheckpointStore(group.resumeFrom()).latest()
                .filter(checkpoint -> note.equals(checkpoint.notes().get(TrainJob.SPEC_NOTE)));
    }
}
