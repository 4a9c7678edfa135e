package dev.trainax.cli;

import dev.trainax.trainers.ProgressListener;
import java.io.PrintStream;

/** A one-line progress bar ({@code E: epoch, B: batch}, loss, steps per second) redrawn in place. */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream terminal;
    private final String label;
    private long lastDraw;

    ProgressBar(PrintStream terminal, String label) {
        this.terminal = terminal;
        this.label = label;
    }

    /** A bar on standard error when it is a terminal, else nothing. */
    static ProgressListener forTerminal(String label) {
        return System.console() != null ? new ProgressBar(System.err, label) : ProgressListener.NONE;
    }

    @Override
    public void onStep(Progress progress) {
        long now = System.nanoTime();
        boolean last = progress.step() + 1 == progress.numTrainingSteps();
        if (!last && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * (progress.step() + 1) / progress.numTrainingSteps());
        terminal.printf("\r%s [%s%s] E: %05d, B: %05d  loss %.3e  %.0f steps/s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), progress.epoch(), progress.batch(), progress.loss(),
                progress.stepsPerSecond());
        if (last) {
            terminal.println();
        }
        terminal.flush();
    }
}
