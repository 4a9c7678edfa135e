package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
