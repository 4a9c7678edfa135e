package dev.trainax.configs;

import dev.trainax.api.Configuration;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The {@link ConfigurationProvider}s of this module; parameter names and defaults equal the records'. */
public final class ConfigurationProviders {

    private ConfigurationProviders() {
    }

    private static PluginParameter rolloutSteps(int defaultValue) {
        return PluginParameter.integer("numRolloutSteps", "network applications along the main chain", defaultValue)
                .atLeast(1);
    }

    private static final PluginParameter LOSS = PluginParameter.plugin("timeLevelLoss",
            "the time-level loss", PluginKind.LOSS, "mse");
    private static final PluginParameter CUT_BPTT = PluginParameter.bool("cutBptt",
            "stop gradients along the main chain", false);
    private static final PluginParameter CUT_BPTT_EVERY = PluginParameter.integer("cutBpttEvery",
            "cut after every k-th step", 1).atLeast(1);
    private static final PluginParameter TIME_LEVEL_WEIGHTS = PluginParameter.numbers("timeLevelWeights",
            "weight of each time level; ones if absent").optional();

    private static TimeLevelLoss loss(PluginArguments arguments) {
        return arguments.plugin("timeLevelLoss", TimeLevelLoss.class);
    }

    /** A configuration provider defined by its id, description, parameters and factory. */
    private abstract static class Base extends SimpleProvider<Configuration> implements ConfigurationProvider {
        Base(String id, String description, List<PluginParameter> parameters,
             Function<PluginArguments, Configuration> factory) {
            super(id, description, parameters, factory);
        }
    }

    /** {@code supervised}. */
    public static final class SupervisedProvider extends Base {
        /** Service constructor. */
        public SupervisedProvider() {
            super("supervised", "unrolled supervised training against the reference trajectory",
                    List.of(rolloutSteps(1), LOSS, CUT_BPTT, CUT_BPTT_EVERY, TIME_LEVEL_WEIGHTS),
                    a -> new Supervised(a.integer("numRolloutSteps"), loss(a), a.bool("cutBptt"),
                            a.integer("cutBpttEvery"), a.numbers("timeLevelWeights")));
        }
    }

    /** {@code diverted-chain}. */
    public static final class DivertedChainProvider extends Base {
        /** Service constructor. */
        public DivertedChainProvider() {
            super("diverted-chain", "branches of the reference stepper diverted from the network's main chain",
                    List.of(rolloutSteps(1),
                            PluginParameter.integer("numBranchSteps", "length of each branch, ≤ numRolloutSteps", 1)
                                    .atLeast(1),
                            LOSS, CUT_BPTT, CUT_BPTT_EVERY,
                            PluginParameter.bool("cutDivChain", "stop gradients into the reference branch", false),
                            TIME_LEVEL_WEIGHTS,
                            PluginParameter.numbers("branchLevelWeights", "weight of each branch level; ones if absent")
                                    .optional()),
                    a -> new DivertedChain(a.integer("numRolloutSteps"), a.integer("numBranchSteps"), loss(a),
                            a.bool("cutBptt"), a.integer("cutBpttEvery"), a.bool("cutDivChain"),
                            a.numbers("timeLevelWeights"), a.numbers("branchLevelWeights")));
        }
    }

    /** {@code diverted-chain-branch-one}. */
    public static final class DivertedChainBranchOneProvider extends Base {
        /** Service constructor. */
        public DivertedChainBranchOneProvider() {
            super("diverted-chain-branch-one", "one reference step diverted from every state of the network's rollout",
                    List.of(rolloutSteps(1), LOSS, CUT_BPTT, CUT_BPTT_EVERY,
                            PluginParameter.bool("cutDivChain", "stop gradients through the reference step", false),
                            TIME_LEVEL_WEIGHTS),
                    a -> new DivertedChainBranchOne(a.integer("numRolloutSteps"), loss(a), a.bool("cutBptt"),
                            a.integer("cutBpttEvery"), a.bool("cutDivChain"), a.numbers("timeLevelWeights")));
        }
    }

    /** {@code mix-chain-post-physics}. */
    public static final class MixChainPostPhysicsProvider extends Base {
        /** Service constructor. */
        public MixChainPostPhysicsProvider() {
            super("mix-chain-post-physics", "network rollout followed by reference steps, all compared with the data",
                    List.of(rolloutSteps(1),
                            PluginParameter.integer("numPostPhysicsSteps", "reference steps after the network", 1)
                                    .atLeast(1),
                            LOSS, CUT_BPTT, CUT_BPTT_EVERY,
                            PluginParameter.numbers("timeLevelWeights",
                                    "numRolloutSteps + numPostPhysicsSteps weights; ones if absent").optional()),
                    a -> new MixChainPostPhysics(a.integer("numRolloutSteps"), a.integer("numPostPhysicsSteps"),
                            loss(a), a.bool("cutBptt"), a.integer("cutBpttEvery"), a.numbers("timeLevelWeights")));
        }
    }

    /** {@code residuum}. */
    public static final class ResiduumProvider extends Base {
        /** Service constructor. */
        public ResiduumProvider() {
            super("residuum", "the network's consecutive states must make the residuum vanish",
                    List.of(rolloutSteps(1), LOSS, CUT_BPTT, CUT_BPTT_EVERY,
                            PluginParameter.bool("cutPrev", "stop gradients into the previous state", false),
                            PluginParameter.bool("cutNext", "stop gradients into the next state", false),
                            TIME_LEVEL_WEIGHTS),
                    a -> new Residuum(a.integer("numRolloutSteps"), loss(a), a.bool("cutBptt"),
                            a.integer("cutBpttEvery"), a.bool("cutPrev"), a.bool("cutNext"),
                            a.numbers("timeLevelWeights")));
        }
    }

    /** {@code composite}. */
    public static final class CompositeProvider extends Base {
        /** Service constructor. */
        public CompositeProvider() {
            super("composite", "weighted sum of configurations",
                    List.of(PluginParameter.plugins("configurations", "the parts", PluginKind.CONFIGURATION),
                            PluginParameter.numbers("weights", "one weight per configuration; ones if absent")
                                    .optional()),
                    a -> {
                        List<Configuration> parts = new ArrayList<>(a.plugins("configurations", Configuration.class));
                        double[] weights = a.has("weights") ? a.numbers("weights") : Options.ones(parts.size());
                        return new Composite(parts, weights);
                    });
        }
    }

    /** {@code teacher-forcing}. */
    public static final class TeacherForcingProvider extends Base {
        /** Service constructor. */
        public TeacherForcingProvider() {
            super("teacher-forcing", "supervised rollout reset to the reference data every resetEvery steps",
                    List.of(rolloutSteps(1),
                            PluginParameter.integer("resetEvery", "reset the chain after every k-th step", 1)
                                    .atLeast(1),
                            LOSS, CUT_BPTT, CUT_BPTT_EVERY, TIME_LEVEL_WEIGHTS),
                    a -> new TeacherForcing(a.integer("numRolloutSteps"), a.integer("resetEvery"), loss(a),
                            a.bool("cutBptt"), a.integer("cutBpttEvery"), a.numbers("timeLevelWeights")));
        }
    }

    /** {@code pushforward}. */
    public static final class PushforwardProvider extends Base {
        /** Service constructor. */
        public PushforwardProvider() {
            super("pushforward", "rollout whose loss and gradient act only on the last steps",
                    List.of(rolloutSteps(2),
                            PluginParameter.integer("numGradientSteps", "trailing steps with loss and gradient", 1)
                                    .atLeast(1),
                            LOSS,
                            PluginParameter.numbers("timeLevelWeights", "numGradientSteps weights; ones if absent")
                                    .optional()),
                    a -> new Pushforward(a.integer("numRolloutSteps"), a.integer("numGradientSteps"), loss(a),
                            a.numbers("timeLevelWeights")));
        }
    }
}
