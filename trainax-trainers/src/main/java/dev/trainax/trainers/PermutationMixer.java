package dev.trainax.trainers;

import dev.trainax.api.internal.Require;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Minibatches drawn as in Trainax: one fresh permutation of the samples per epoch (from a seed),
 * {@code ceil(numSamples / batchSize)} batches per epoch, the last one of an epoch smaller (never
 * topped up from the next epoch). A batch size above the number of samples falls back to full
 * batches; {@link #fullBatchFallback()} says so, and the trainer logs it. Not thread-safe: one
 * training loop asks for its steps in order.
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
    private final long seed;
    /** The generator whose splits seed the epochs, and how many splits it has given. */
    private SplittableRandom splits;
    private int splitsTaken;
    private int currentEpoch = -1;
    private int[] current;

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
        this.seed = seed;
        this.splits = new SplittableRandom(seed);
    }

    /**
     * The permutation of {@code epoch}: drawn from the epoch-th split of a generator seeded with
     * the seed, made when first needed, so memory does not grow with the number of steps. Steps
     * are asked for in order, so the splits are taken in order; an earlier epoch replays them.
     */
    private int[] epoch(int epoch) {
        if (epoch != currentEpoch) {
            if (epoch < currentEpoch) {
                splits = new SplittableRandom(seed);
                splitsTaken = 0;
            }
            SplittableRandom generator = null;
            while (splitsTaken <= epoch) {
                generator = splits.split();
                splitsTaken++;
            }
            current = permutation(generator);
            currentEpoch = epoch;
        }
        return current;
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
        return new Minibatch(Arrays.copyOfRange(epoch(epoch), from, to), epoch, batch);
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
