package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermutationMixerTest {

    @Test
    void eachEpochIsAPermutationWithASmallerLastBatch() {
        PermutationMixer mixer = new PermutationMixer(10, 7, 4, 42);
        assertEquals(3, mixer.batchesPerEpoch());
        int[] epoch0 = IntStream.range(0, 3).flatMap(b -> Arrays.stream(mixer.minibatch(b).indices())).toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), Arrays.stream(epoch0).sorted().toArray());
        assertEquals(2, mixer.minibatch(2).indices().length);
        PermutationMixer.Minibatch sixth = mixer.minibatch(6);
        assertEquals(2, sixth.epoch());
        assertEquals(0, sixth.batch());
        assertFalse(Arrays.equals(mixer.minibatch(0).indices(), mixer.minibatch(3).indices()));
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        PermutationMixer a = new PermutationMixer(50, 20, 8, 7);
        PermutationMixer b = new PermutationMixer(50, 20, 8, 7);
        for (int step = 0; step < 20; step++) {
            assertArrayEquals(a.minibatch(step).indices(), b.minibatch(step).indices());
        }
    }

    @Test
    void epochsAreTheSeedsSplitsInOrderInAnyOrderOfAsking() {
        PermutationMixer mixer = new PermutationMixer(6, 40, 6, 11);
        SplittableRandom root = new SplittableRandom(11);
        List<int[]> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 40; epoch++) {
            SplittableRandom random = root.split();
            int[] order = IntStream.range(0, 6).toArray();
            for (int i = 5; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            expected.add(order);
        }
        for (int step : new int[] {0, 1, 2, 39, 17, 3, 38, 0}) {
            assertArrayEquals(expected.get(step), mixer.minibatch(step).indices(), "step " + step);
        }
    }

    @Test
    void memoryDoesNotGrowWithTheNumberOfSteps() {
        PermutationMixer mixer = new PermutationMixer(1000, Integer.MAX_VALUE, 1, 3);
        PermutationMixer.Minibatch last = mixer.minibatch(Integer.MAX_VALUE - 1);
        assertEquals((Integer.MAX_VALUE - 1) / 1000, last.epoch());
        assertEquals(1, last.indices().length);
    }

    @Test
    void tooLargeBatchesFallBackToFullBatch() {
        PermutationMixer mixer = new PermutationMixer(5, 3, 32, 0);
        assertTrue(mixer.fullBatchFallback());
        assertEquals(5, mixer.minibatch(2).indices().length);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("batchSize must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new PermutationMixer(5, 3, 0, 0)).getMessage());
        assertEquals("numTrainingSteps must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new PermutationMixer(5, 0, 2, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PermutationMixer(5, 3, 2, 0).minibatch(3))
                .getMessage().startsWith("step must be in [0, numTrainingSteps = 3)"));
    }
}
