package dev.trainax.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.apiguardian.api.API;

/**
 * Why a file could not be read, in the words of an error message: {@code no such file},
 * {@code permission denied}, {@code Is a directory}. Java's file exceptions often carry nothing but
 * the path as their message, which an error line naming the path already shows.
 */
@API(status = INTERNAL, since = "0.1")
public final class IoReasons {

    private IoReasons() {
    }

    /** The reason {@code e} stands for, without the path. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException problem && problem.getReason() != null) {
            return problem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
