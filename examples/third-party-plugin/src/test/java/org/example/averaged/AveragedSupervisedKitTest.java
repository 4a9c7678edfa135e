package org.example.averaged;

import dev.trainax.api.Configuration;
import dev.trainax.testkit.ConfigurationKit;
import dev.trainax.testkit.Tiny;

/** {@code averaged-supervised} against Trainax's configuration compatibility kit. */
class AveragedSupervisedKitTest extends ConfigurationKit {

    @Override
    protected Configuration configuration() {
        return new AveragedSupervised(3, Tiny.mse());
    }
}
