package dev.trainax.bench;

import dev.trainax.trainers.ProgressListener;
import java.util.Arrays;

/** Records the wall time of every update step from the trainer's progress reports. */
final class StepTimer implements ProgressListener {

    private final long[] ends;
    private long start = System.nanoTime();

    StepTimer(int steps) {
        ends = new long[steps];
    }

    /** Resets the clock just before training starts. */
    void start() {
        start = System.nanoTime();
    }

    @Override
    public void onStep(Progress progress) {
        ends[progress.step()] = System.nanoTime();
    }

    /** Median milliseconds per step after {@code warmup} steps. */
    double medianMillis(int warmup) {
        double[] durations = new double[ends.length - warmup];
        for (int i = warmup; i < ends.length; i++) {
            durations[i - warmup] = (ends[i] - (i == 0 ? start : ends[i - 1])) / 1e6;
        }
        Arrays.sort(durations);
        int n = durations.length;
        return n % 2 == 1 ? durations[n / 2] : (durations[n / 2 - 1] + durations[n / 2]) / 2;
    }

    /** Milliseconds of the first step (graph building included). */
    double firstStepMillis() {
        return (ends[0] - start) / 1e6;
    }
}
