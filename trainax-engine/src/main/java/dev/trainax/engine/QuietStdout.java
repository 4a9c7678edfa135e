package dev.trainax.engine;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * SameDiff prints one "Added differentiated op" line per op to {@code System.out} whenever it
 * builds a gradient function, and no logging setting silences it. Library code must not write to
 * the standard streams, so the engine swallows standard output while that happens.
 */
final class QuietStdout {

    private QuietStdout() {
    }

    static synchronized void run(Runnable action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
    }
}
