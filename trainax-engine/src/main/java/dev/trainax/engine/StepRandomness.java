package dev.trainax.engine;

import dev.trainax.api.TrainingProgress;
import java.util.SplittableRandom;

/**
 * Counter-based random streams: each is a pure function of (seed, update step, stream), so a step's
 * values need no generator state carried from earlier steps, and a resumed run draws what an
 * uninterrupted one would.
 */
final class StepRandomness {

    /** The stream of {@code randomInt} choices, which may shape the program. */
    private static final long CHOICES = 0x6A09E667F3BCC908L;
    /** The stream of the random inputs' values. */
    private static final long VALUES = 0xBB67AE8584CAA73BL;

    private StepRandomness() {
    }

    /** A fresh generator of the step's {@code randomInt} choices: the same sequence every time it is asked for. */
    static SplittableRandom choices(TrainingProgress progress) {
        return stream(progress, CHOICES);
    }

    /** A fresh generator of the step's random input values. */
    static SplittableRandom values(TrainingProgress progress) {
        return stream(progress, VALUES);
    }

    /** Hashes seed, step and stream in turn (SplittableRandom's first output is a bijective mix of its seed). */
    private static SplittableRandom stream(TrainingProgress progress, long stream) {
        long key = new SplittableRandom(progress.seed()).nextLong();
        key = new SplittableRandom(key ^ progress.updateStep()).nextLong();
        return new SplittableRandom(key ^ stream);
    }
}
