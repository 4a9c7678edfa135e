package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the parameters to {@code <directory>/<fileName>_<step>.safetensors} in the safetensors
 * format (see {@link dev.trainax.api.Parameters#save}: written to a temporary file, then renamed;
 * readable with {@link dev.trainax.api.Parameters#load}, {@code safetensors.torch.load_file} or
 * NumPy). Records {@code true}. The directory is created and checked for writing when the callback
 * is built.
 */
public final class SaveNetwork extends BaseCallback {

    /** The {@code save-network} plugin parameters. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param("folder of the files") String directory,
            @Param(value = "file name prefix", defaultValue = "network") String fileName,
            @Param(value = "key of the results", defaultValue = "network_saved") String name) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, directory, fileName, name);
        }
    }

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
        Require.that(fileName != null && !fileName.isBlank() && !fileName.contains("/"), "fileName",
                "must be a non-blank file name without '/', got '" + fileName + "'");
        this.fileName = fileName;
        try {
            this.directory = Files.createDirectories(directory.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalArgumentException("directory " + directory + " cannot be created: " + e.getMessage(), e);
        }
        Require.that(Files.isWritable(this.directory), "directory", this.directory + " is not writable");
    }

    /** Builds the callback saving where {@code options} say. */
    public SaveNetwork(Options options) {
        this(options.every(), Path.of(options.directory()), options.fileName(), options.name());
    }

    /** The file of update step {@code step}. */
    public Path fileOf(int step) {
        return directory.resolve(fileName + "_" + step + ".safetensors");
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
