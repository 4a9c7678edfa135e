package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.testkit.ConfigurationKit;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Every built-in configuration against the configuration compatibility kit, on the kit's own network and data. */
class ConfigurationKitTest {

    @Nested
    class SupervisedKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Supervised.of(3);
        }
    }

    @Nested
    class DivertedChainKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return DivertedChain.of(3, 2);
        }
    }

    @Nested
    class DivertedChainBranchOneKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return DivertedChainBranchOne.of(3);
        }
    }

    @Nested
    class MixChainPostPhysicsKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return MixChainPostPhysics.of(2, 1);
        }
    }

    @Nested
    class ResiduumTrainingKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return ResiduumTraining.of(2);
        }
    }

    @Nested
    class CompositeKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return new Composite(List.of(Supervised.of(2), ResiduumTraining.of(1), DivertedChainBranchOne.of(1)),
                    new double[] {1.0, 0.5, 0.25});
        }
    }

    @Nested
    class TeacherForcingKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return TeacherForcing.of(4, 2);
        }
    }

    @Nested
    class PushforwardKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Pushforward.of(3, 2);
        }

        /** The first r − g steps run behind a cut: their gradient is dropped on purpose (see CutReferenceTest). */
        @Override
        protected boolean cutsGradients() {
            return true;
        }
    }

    @Nested
    class PushforwardWithoutPushStepsKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Pushforward.of(2, 2);
        }
    }
}
