package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the parameters to {@code <directory>/<fileName>_<step>.params} (see
 * {@link dev.trainax.api.Parameters#save}: written to a temporary file, then renamed). Records
 * {@code true}. The directory is created and checked for writing when the callback is built.
 */
public final class SaveNetwork extends BaseCallback {

    private final Path directory;
    private final String fileName;

    /**
     * @param every     interval in update steps
     * @param directory where the files go; created if missing, must be writable
     * @param fileName  file name prefix, non-blank
     * @param name      key of the results (Trainax: {@code network_saved})
     */
    public SaveNetwork(int every, Path directory, String fileName, String name) {
        super(every, name);
        dev.trainax.api.Require.that(fileName != null && !fileName.isBlank() && !fileName.contains("/"), "fileName",
                "must be a non-blank file name without '/', got '" + fileName + "'");
        this.fileName = fileName;
        try {
            this.directory = Files.createDirectories(directory.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalArgumentException("directory " + directory + " cannot be created: " + e.getMessage(), e);
        }
        dev.trainax.api.Require.that(Files.isWritable(this.directory), "directory",
                this.directory + " is not writable");
    }

    /** The file of update step {@code step}. */
    public Path fileOf(int step) {
        return directory.resolve(fileName + "_" + step + ".params");
    }

    @Override
    public Object onStep(TrainingView view) {
        try {
            view.parameters().save(fileOf(view.updateStep()));
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return Boolean.TRUE;
    }
}
