package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link ConfigurationProvider}s of this module, one per configuration record: each record's
 * {@link dev.trainax.api.plugin.Param} components are the provider's parameters.
 */
public final class ConfigurationProviders {

    private ConfigurationProviders() {
    }

    /** A provider whose record is the configuration itself. */
    private abstract static class Base<C extends Record & Configuration> extends RecordProvider<C, Configuration>
            implements ConfigurationProvider {
        Base(String id, String description, Class<C> type) {
            super(id, description, type, MethodHandles.lookup(), Function.identity());
        }
    }

    /** {@code supervised}. */
    public static final class SupervisedProvider extends Base<Supervised> {
        /** Service constructor. */
        public SupervisedProvider() {
            super("supervised", "unrolled supervised training against the reference trajectory", Supervised.class);
        }
    }

    /** {@code diverted-chain}. */
    public static final class DivertedChainProvider extends Base<DivertedChain> {
        /** Service constructor. */
        public DivertedChainProvider() {
            super("diverted-chain", "branches of the reference stepper diverted from the network's main chain",
                    DivertedChain.class);
        }
    }

    /** {@code diverted-chain-branch-one}. */
    public static final class DivertedChainBranchOneProvider extends Base<DivertedChainBranchOne> {
        /** Service constructor. */
        public DivertedChainBranchOneProvider() {
            super("diverted-chain-branch-one", "one reference step diverted from every state of the network's rollout",
                    DivertedChainBranchOne.class);
        }
    }

    /** {@code mix-chain-post-physics}. */
    public static final class MixChainPostPhysicsProvider extends Base<MixChainPostPhysics> {
        /** Service constructor. */
        public MixChainPostPhysicsProvider() {
            super("mix-chain-post-physics", "network rollout followed by reference steps, all compared with the data",
                    MixChainPostPhysics.class);
        }
    }

    /** {@code residuum}. */
    public static final class ResiduumTrainingProvider extends Base<ResiduumTraining> {
        /** Service constructor. */
        public ResiduumTrainingProvider() {
            super("residuum", "the network's consecutive states must make the residuum vanish",
                    ResiduumTraining.class);
        }
    }

    /** {@code composite}. */
    public static final class CompositeProvider extends Base<Composite> {
        /** Service constructor. */
        public CompositeProvider() {
            super("composite", "weighted sum of configurations", Composite.class);
        }
    }

    /** {@code teacher-forcing}. */
    public static final class TeacherForcingProvider extends Base<TeacherForcing> {
        /** Service constructor. */
        public TeacherForcingProvider() {
            super("teacher-forcing", "supervised rollout reset to the reference data every resetEvery steps",
                    TeacherForcing.class);
        }
    }

    /** {@code pushforward}. */
    public static final class PushforwardProvider extends Base<Pushforward> {
        /** Service constructor. */
        public PushforwardProvider() {
            super("pushforward", "rollout whose loss and gradient act only on the last steps", Pushforward.class);
        }
    }

    /** {@code noisy-supervised}. */
    public static final class NoisySupervisedProvider extends Base<NoisySupervised> {
        /** Service constructor. */
        public NoisySupervisedProvider() {
            super("noisy-supervised", "supervised rollout from an initial state with fresh Gaussian noise every step",
                    NoisySupervised.class);
        }
    }

    /** {@code random-pushforward}. */
    public static final class RandomPushforwardProvider extends Base<RandomPushforward> {
        /** Service constructor. */
        public RandomPushforwardProvider() {
            super("random-pushforward", "k ~ U{0..K} steps without gradient, then one step with loss and gradient",
                    RandomPushforward.class);
        }
    }

    /** {@code curriculum}. */
    public static final class CurriculumProvider extends Base<Curriculum> {
        /** Service constructor. */
        public CurriculumProvider() {
            super("curriculum", "supervised rollout whose length grows with the update step", Curriculum.class);
        }
    }

    /** {@code scheduled-sampling}. */
    public static final class ScheduledSamplingProvider extends Base<ScheduledSampling> {
        /** Service constructor. */
        public ScheduledSamplingProvider() {
            super("scheduled-sampling", "rollout fed the reference data instead of the prediction with a decaying "
                    + "probability", ScheduledSampling.class);
        }
    }
}
