package dev.trainax.cli;

import dev.trainax.api.internal.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's output folder as one unit. A run works in the sibling {@code <name>.partial} (checkpoints
 * included) and, when done, writes {@value #MANIFEST} (the SHA-256 of every file, in
 * {@code sha256sum} format) last and renames the whole folder to {@code <name>}: readers see either
 * the previous complete outputs or the new ones, never a mix. An interrupted run leaves
 * {@code <name>.partial}, which {@code --resume} continues.
 */
final class RunFolder {

    /** The file that marks a complete run folder, written last. */
    static final String MANIFEST = "manifest.sha256";
    static final String CHECKPOINTS = "checkpoints";

    /** How the run treats an existing output folder. */
    enum Mode {
        /** Refuse a folder that holds anything. */
        NEW,
        /** Replace a previous run's outputs (and discard an interrupted run). */
        OVERWRITE,
        /** Continue from the latest checkpoint of an interrupted or a finished run. */
        RESUME
    }

    private final Path target;
    private final Path work;

    private RunFolder(Path target) {
        this.target = target;
        this.work = target.resolveSibling(target.getFileName() + ".partial");
    }

    /**
     * Checks that {@code target} may be written in {@code mode}, without changing anything;
     * {@link #prepare} then makes the working folder.
     *
     * @throws IllegalArgumentException naming the folder and the option that would allow it
     */
    static RunFolder check(Path target, Mode mode) {
        RunFolder folder = new RunFolder(target.toAbsolutePath().normalize());
        folder.checkMode(mode);
        return folder;
    }

    private void checkMode(Mode mode) {
        if (target.getFileName() == null) {
            throw new IllegalArgumentException("output must name a folder below the file system root, got " + target);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("output " + target + " is a file, not a folder");
        }
        if (Files.exists(work) && !Files.isDirectory(work)) {
            throw new IllegalArgumentException(work + " is a file, where the run would keep its working folder; "
                    + "remove it or choose another output folder");
        }
        boolean finished = isRun(target);
        boolean occupied = !isEmptyOrMissing(target);
        if (occupied && !finished) {
            throw new IllegalArgumentException("output folder " + target + " holds files that are not a trainax run "
                    + "(no " + MANIFEST + "); choose another folder");
        }
        switch (mode) {
            case NEW -> {
                if (finished) {
                    throw new IllegalArgumentException("output folder " + target + " holds a finished run; pass "
                            + "--overwrite to replace it, or --resume " + target + " to continue it");
                }
                if (Files.exists(work)) {
                    throw new IllegalArgumentException(work + " holds an interrupted run; pass --resume " + target
                            + " to continue it, or --overwrite to start again");
                }
            }
            case RESUME -> {
                if (!hasCheckpoint(work) && !hasCheckpoint(target)) {
                    throw new IllegalArgumentException("--resume " + target + ": no checkpoint to continue from in "
                            + work.resolve(CHECKPOINTS) + " or " + target.resolve(CHECKPOINTS));
                }
            }
            case OVERWRITE -> {
                // a finished run or an interrupted one may be replaced
            }
        }
    }

    /** Makes the working folder: fresh, discarding an interrupted run ({@code OVERWRITE}), or with checkpoints to resume. */
    void prepare(Mode mode) {
        try {
            if (mode == Mode.OVERWRITE) {
                deleteTree(work);
            }
            if (mode == Mode.RESUME && !hasCheckpoint(work)) {
                deleteTree(work);
                Files.createDirectories(work.resolve(CHECKPOINTS));
                try (Stream<Path> files = Files.list(target.resolve(CHECKPOINTS))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, work.resolve(CHECKPOINTS).resolve(file.getFileName()));
                    }
                }
            }
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new IllegalArgumentException("output: cannot prepare " + work + " (" + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(work)) {
            throw new IllegalArgumentException("output: " + work + " is not writable");
        }
    }

    /** The folder the run writes into until {@link #commit}. */
    Path work() {
        return work;
    }

    /** The final folder. */
    Path target() {
        return target;
    }

    /** Where {@code --resume} finds its checkpoints: the interrupted run's, else the finished run's. */
    Path resumeFrom() {
        return (hasCheckpoint(work) ? work : target).resolve(CHECKPOINTS);
    }

    /** Where checkpoints go. */
    Path checkpoints() {
        return work.resolve(CHECKPOINTS);
    }

    /** Writes the manifest of everything in the working folder, then makes it the output folder. */
    void commit() {
        List<Path> files = regularFiles(work);
        StringBuilder manifest = new StringBuilder();
        for (Path file : files) {
            manifest.append(sha256(file)).append("  ").append(work.relativize(file).toString().replace('\\', '/'))
                    .append('\n');
        }
        AtomicFiles.write(work.resolve(MANIFEST), file -> Files.writeString(file, manifest, StandardCharsets.UTF_8));
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.move(target, old.resolve("run"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + work + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * After a failure: keeps the working folder if it can be resumed, else removes it.
     *
     * @return whether the working folder was kept
     */
    boolean abandon() {
        if (hasCheckpoint(work)) {
            return true;
        }
        try {
            deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + work, e);
        }
        return false;
    }

    /** Removes the working folder and the final one: for a folder that only held checkpoints. */
    void discard() {
        try {
            deleteTree(work);
            deleteTree(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + work, e);
        }
    }

    /**
     * How a run that has not finished in {@code target} goes on: from the checkpoints of its
     * interrupted working folder, or afresh when there are none.
     */
    static Mode continuation(Path target) {
        return hasCheckpoint(new RunFolder(target.toAbsolutePath().normalize()).work) ? Mode.RESUME : Mode.OVERWRITE;
    }

    /** Whether {@code folder} is a complete run folder. */
    static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST));
    }

    private static boolean hasCheckpoint(Path folder) {
        Path checkpoints = folder.resolve(CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".safetensors"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new IllegalArgumentException("output: cannot read " + folder + " (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> regularFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (DirectoryNotEmptyException e) {
                    throw new IOException(path + " changed while it was removed", e);
                }
            }
        }
    }
}
