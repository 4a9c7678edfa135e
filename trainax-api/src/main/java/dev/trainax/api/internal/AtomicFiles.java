package dev.trainax.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apiguardian.api.API;

/**
 * Writes files so that no reader ever sees one half-written: the content goes to a temporary file
 * in the same folder, which is then renamed over the target (readable by all, like a plain write).
 */
@API(status = INTERNAL, since = "0.1")
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        /** Writes to {@code file}. */
        void write(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}; the folder is created if missing.
     *
     * @throws UncheckedIOException naming the target if anything fails (the temporary file is removed)
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            String prefix = "." + absolute.getFileName();
            temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(absolute.getParent(), prefix, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                    : Files.createTempFile(absolute.getParent(), prefix, ".tmp");
            writer.write(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }
}
