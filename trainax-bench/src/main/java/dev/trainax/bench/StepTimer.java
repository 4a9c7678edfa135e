package dev.trainax.bench;

import dev.trainax.trainers.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Records the wall time of every update step from the trainer's progress reports, and the CPU
 * time of the training thread (which, with one OpenMP thread, also runs the native kernels): on a
 * shared machine the CPU time varies less than the wall time.
 */
final class StepTimer implements ProgressListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] ends;
    private final long[] cpuEnds;
    private long start = System.nanoTime();
    private long cpuStart = THREADS.getCurrentThreadCpuTime();

    StepTimer(int steps) {
        ends = new long[steps];
        cpuEnds = new long[steps];
    }

    /** Resets the clock just before training starts. */
    void start() {
        start = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    @Override
    public void onStep(Progress progress) {
        ends[progress.step()] = System.nanoTime();
        cpuEnds[progress.step()] = THREADS.getCurrentThreadCpuTime();
    }

    /** Median milliseconds per step after {@code warmup} steps. */
    double medianMillis(int warmup) {
        return median(ends, start, warmup);
    }

    /** Median CPU milliseconds of the training thread per step after {@code warmup} steps. */
    double medianCpuMillis(int warmup) {
        return median(cpuEnds, cpuStart, warmup);
    }

    private static double median(long[] ends, long start, int warmup) {
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
