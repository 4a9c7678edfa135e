package dev.trainax.configs;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.testkit.ConfigurationKit;
import dev.trainax.testkit.Tiny;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in configuration, with default options and with cuts, against the configuration
 * compatibility kit, on the kit's own network and data.
 */
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

    @Nested
    class SupervisedSummedOverTheBatchKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Supervised.of(2).withLoss(Tiny.mse(BatchReduction.SUM));
        }

        @Override
        protected BatchReduction batchReduction() {
            return BatchReduction.SUM;
        }
    }

    @Nested
    class SupervisedWithCutsKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Supervised.of(4).withCutBptt(2);
        }

        /** Cut on purpose; CutReferenceTest compares it with restarted segments. */
        @Override
        protected boolean cutsGradients() {
            return true;
        }
    }

    @Nested
    class DivertedChainWithCutsKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return DivertedChain.of(3, 2).withCutBptt(1).withCutDivChain();
        }

        /** Cut on purpose; CutReferenceTest compares the branch-one cut with fixed targets. */
        @Override
        protected boolean cutsGradients() {
            return true;
        }
    }

    @Nested
    class ResiduumTrainingWithCutsKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return ResiduumTraining.of(2).withCuts(true, false);
        }

        /** Cut on purpose; CutReferenceTest splits the residuum's gradient with the cuts. */
        @Override
        protected boolean cutsGradients() {
            return true;
        }
    }

    @Nested
    class NoisySupervisedKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return NoisySupervised.of(3, 0.1);
        }

        @Override
        protected boolean drawsPerSample() {
            return true;
        }
    }

    @Nested
    class RelativeNoisySupervisedKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return NoisySupervised.of(2, 0.2).withRelativeNoise();
        }

        @Override
        protected boolean drawsPerSample() {
            return true;
        }
    }

    @Nested
    class RandomPushforwardKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return RandomPushforward.of(2);
        }

        /** Its first step (seed 0) pushes k &gt; 0 steps behind a cut; StochasticConfigurationsTest compares each k with Pushforward. */
        @Override
        protected boolean cutsGradients() {
            return true;
        }
    }

    @Nested
    class CurriculumKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return Curriculum.of(1, 3, 0.5);
        }
    }

    @Nested
    class ScheduledSamplingKit extends ConfigurationKit {
        @Override
        protected Configuration configuration() {
            return new ScheduledSampling(3, ScheduledSampling.Decay.INVERSE_SIGMOID, 0.9, 0.1, 5, null, null);
        }

        @Override
        protected boolean drawsPerSample() {
            return true;
        }
    }
}
