package dev.trainax.cli;

import dev.trainax.api.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layout of a study folder: {@code specs/ID.yaml} (each run's spec), {@code evaluation.yaml}
 * (the test protocol), {@code runs/ID/} (each a complete run folder, {@code runs/ID.partial}
 * while it trains), {@code evaluations/ID.csv} (its rollout metrics on the test set, written last:
 * a run is done when it exists), {@code failures/ID.txt} (the error of a run that failed),
 * {@code runs.csv} (every run's axis values) and {@code results.csv} (the long table).
 */
record StudyFolder(Path root) {

    /** Where a run stands. */
    enum State {
        /** Trained and evaluated. */
        DONE,
        /** Failed with the error in its failure file (tried again on the next launch). */
        FAILED,
        /** Training now, or interrupted: resumed from its checkpoints on the next launch. */
        RUNNING,
        /** Not started. */
        PENDING
    }

    Path run(String id) {
        return root.resolve("runs").resolve(id);
    }

    /** The checkpoints of a seed group training member-batched ({@code groups/ID}), removed when it is done. */
    Path group(String id) {
        return root.resolve("groups").resolve(id);
    }

    Path evaluation(String id) {
        return root.resolve("evaluations").resolve(id + ".csv");
    }

    /** What the run's last training attempt printed (and its error, if it failed). */
    Path log(String id) {
        return root.resolve("logs").resolve(id + ".log");
    }

    Path failure(String id) {
        return root.resolve("failures").resolve(id + ".txt");
    }

    /** The run's spec as the study planned it (its scenario merged in). */
    Path spec(String id) {
        return root.resolve("specs").resolve(id + ".yaml");
    }

    /** The study's evaluation protocol, as every run's evaluation reads it. */
    Path evaluationProtocol() {
        return root.resolve("evaluation.yaml");
    }

    Path runIndex() {
        return root.resolve("runs.csv");
    }

    Path results() {
        return root.resolve("results.csv");
    }

    State state(String id) {
        if (Files.isRegularFile(evaluation(id))) {
            return State.DONE;
        }
        if (Files.isRegularFile(failure(id))) {
            return State.FAILED;
        }
        Path run = run(id);
        return Files.isDirectory(run.resolveSibling(id + ".partial")) || RunFolder.isRun(run) ? State.RUNNING
                : State.PENDING;
    }

    /** How many of the runs {@code ids} are in the state named {@code state}, e.g. {@code done}. */
    long count(List<String> ids, String state) {
        return ids.stream().filter(id -> state(id).name().toLowerCase(Locale.ROOT).equals(state)).count();
    }

    /** The recorded error of a failed run. */
    Optional<String> error(String id) {
        try {
            return Files.isRegularFile(failure(id)) ? Optional.of(Files.readString(failure(id)).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + failure(id), e);
        }
    }

    /** Writes {@code text} to {@code file} atomically, making its folder. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }
}
