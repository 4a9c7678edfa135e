package dev.trainax.trainers;

import dev.trainax.api.internal.Require;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Minibatches drawn as in Trainax: one fresh permutation of the samples per epoch (from a seed),
 * {@code ceil(numSamples / batchSize)} batches per epoch, the last one of an epoch smaller (never
 * topped up from the next epoch). A batch size above the number of samples falls back to full
 * batches; {@link #fullBatchFallback()} says so, and the trainer logs it.
 */
public final class PermutationMixer {

    /**
     * One minibatch.
     *
     * @param indices the sample indices
     * @param epoch   the epoch, from 0
     * @param batch   the batch within the epoch, from 0
     */
    public record Minibatch(int[] indices, int epoch, int batch) {
    }

    private final int numSamples;
    private final int numTrainingSteps;
    private final int batchSize;
    private final int batchesPerEpoch;
    private final boolean fullBatchFallback;
    private final int[][] permutations;

    /**
     * @param numSamples     samples to draw from, ≥ 1
     * @param numTrainingSteps minibatches to serve, ≥ 1
     * @param batchSize      requested batch size, ≥ 1
     * @param seed           seed of the permutations
     */
    public PermutationMixer(int numSamples, int numTrainingSteps, int batchSize, long seed) {
        Require.atLeast("numSamples", numSamples, 1);
        Require.atLeast("numTrainingSteps", numTrainingSteps, 1);
        Require.atLeast("batchSize", batchSize, 1);
        this.numSamples = numSamples;
        this.numTrainingSteps = numTrainingSteps;
        this.fullBatchFallback = batchSize > numSamples;
        this.batchSize = Math.min(batchSize, numSamples);
        this.batchesPerEpoch = (numSamples + this.batchSize - 1) / this.batchSize;
        int epochs = (numTrainingSteps + batchesPerEpoch - 1) / batchesPerEpoch;
        SplittableRandom random = new SplittableRandom(seed);
        this.permutations = new int[epochs][];
        for (int e = 0; e < epochs; e++) {
            permutations[e] = permutation(random.split());
        }
    }

    private int[] permutation(SplittableRandom random) {
        int[] order = new int[numSamples];
        Arrays.setAll(order, i -> i);
        for (int i = numSamples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The minibatch of update step {@code step} in {@code [0, numTrainingSteps)}. */
    public Minibatch minibatch(int step) {
        Require.that(step >= 0 && step < numTrainingSteps, "step",
                "must be in [0, numTrainingSteps = " + numTrainingSteps + "), got " + step);
        int epoch = step / batchesPerEpoch;
        int batch = step % batchesPerEpoch;
        int from = batch * batchSize;
        int to = Math.min(from + batchSize, numSamples);
        return new Minibatch(Arrays.copyOfRange(permutations[epoch], from, to), epoch, batch);
    }

    /** The effective batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Whether the requested batch size exceeded the samples and full batches are used instead. */
    public boolean fullBatchFallback() {
        return fullBatchFallback;
    }
}
