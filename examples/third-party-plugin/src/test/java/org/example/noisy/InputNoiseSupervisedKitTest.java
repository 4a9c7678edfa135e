package org.example.noisy;

import dev.trainax.api.Configuration;
import dev.trainax.testkit.ConfigurationKit;
import dev.trainax.testkit.Tiny;

/** {@code input-noise-supervised} against Trainax's configuration compatibility kit. */
class InputNoiseSupervisedKitTest extends ConfigurationKit {

    @Override
    protected Configuration configuration() {
        return new InputNoiseSupervised(3, 0.1, Tiny.mse());
    }

    /** Each sample gets its own noise, so identical windows do not act like one. */
    @Override
    protected boolean drawsPerSample() {
        return true;
    }
}
