package dev.trainax.configs;

import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import java.util.List;

/** Defaults and checks shared by the configurations. */
final class Options {

    /** The most steps one configuration unrolls: each gets a loss term and a weight. */
    static final int MAX_STEPS = 100_000;

    private Options() {
    }

    /**
     * {@code steps} if at most {@link #MAX_STEPS}, else an error naming {@code name}; checked before
     * the default weights (one per step) are allocated, so that 2^31 − 1 steps is an error, not an
     * OutOfMemoryError.
     */
    static int steps(String name, int steps) {
        Require.that(steps <= MAX_STEPS, name + ":", "must be ≤ " + MAX_STEPS
                + " (the most steps one configuration unrolls), got " + steps);
        return steps;
    }

    /** {@code n} ones. */
    static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** The weights, or ones if {@code null}, checked to have {@code length} finite entries. */
    static double[] weights(String name, double[] weights, int length, String why) {
        return weights == null ? ones(length) : Require.length(name, weights, length, why);
    }

    /**
     * The supervised unroll shared by several configurations: {@code steps} network steps from
     * {@code state}, the k-th compared with data level {@code firstLevel + k} (each loss appended to
     * {@code terms}), a BPTT cut after every {@code cutBpttEvery}-th step counted from {@code firstLevel}
     * (if {@code cutBptt}). Returns the last state (behind its cut, if one falls there).
     */
    static State unroll(RolloutOps ops, TimeLevelLoss loss, State state, int firstLevel, int steps, boolean cutBptt,
                        int cutBpttEvery, List<Scalar> terms) {
        State prediction = state;
        for (int t = firstLevel; t < firstLevel + steps; t++) {
            prediction = ops.network(prediction);
            terms.add(ops.loss(loss, prediction, ops.data(t + 1)));
            if (cutsAfter(cutBptt, cutBpttEvery, t)) {
                prediction = ops.stopGradient(prediction);
            }
        }
        return prediction;
    }

    /** Whether the BPTT cut falls after step index {@code step} (0-based): every {@code every}-th step. */
    static boolean cutsAfter(boolean cutBptt, int cutBpttEvery, int step) {
        return cutBptt && (step + 1) % cutBpttEvery == 0;
    }
}
