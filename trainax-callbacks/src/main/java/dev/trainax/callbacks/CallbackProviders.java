package dev.trainax.callbacks;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.TrainingView;
import dev.trainax.api.plugin.CallbackProvider;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The {@link CallbackProvider}s of this module. */
public final class CallbackProviders {

    private CallbackProviders() {
    }

    private static final PluginParameter EVERY = PluginParameter.integer("every", "interval in update steps", 1)
            .atLeast(1);

    private static PluginParameter name(String defaultName) {
        return PluginParameter.string("name", "key of the results", defaultName);
    }

    /** {@code save-network}. */
    public static final class SaveNetworkProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public SaveNetworkProvider() {
            super("save-network", "save the parameters every k steps (atomically: temporary file, then rename)",
                    List.of(EVERY, PluginParameter.string("directory", "folder of the files", null),
                            PluginParameter.string("fileName", "file name prefix", "network"),
                            name("network_saved")),
                    a -> new SaveNetwork(a.integer("every"), Path.of(a.string("directory")), a.string("fileName"),
                            a.string("name")));
        }
    }

    /** {@code get-network}. */
    public static final class GetNetworkProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public GetNetworkProvider() {
            super("get-network", "record a copy of the parameters", List.of(EVERY), a -> new GetNetwork(a.integer("every")));
        }
    }

    /** {@code weight-norm}. */
    public static final class WeightNormProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public WeightNormProvider() {
            super("weight-norm", "record the L2 norm of all parameters",
                    List.of(EVERY, PluginParameter.bool("squared", "record the squared norm", false),
                            name("weight_norm")),
                    a -> new WeightNorm(a.integer("every"), a.bool("squared"), a.string("name")));
        }
    }

    /** {@code grad-norm}. */
    public static final class GradNormProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public GradNormProvider() {
            super("grad-norm", "record the gradient norm of a configuration (default: the training one)",
                    List.of(EVERY, PluginParameter.plugin("configuration", "the configuration", PluginKind.CONFIGURATION,
                                    null).optional(),
                            PluginParameter.bool("squared", "record the squared norm", false), name("grad_norm")),
                    a -> new GradNorm(a.integer("every"), a.plugin("configuration", Configuration.class),
                            a.bool("squared"), a.string("name")));
        }
    }

    /** {@code loss}. */
    public static final class LossProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public LossProvider() {
            super("loss", "record another configuration's loss (and gradient) on the minibatch",
                    List.of(EVERY, PluginParameter.plugin("configuration", "the configuration", PluginKind.CONFIGURATION,
                                    null),
                            PluginParameter.bool("withGradient", "record the gradient too", false),
                            PluginParameter.string("name", "key of the results", null)),
                    a -> new ConfigurationLoss(a.integer("every"), a.plugin("configuration", Configuration.class),
                            a.bool("withGradient"), a.string("name")));
        }
    }

    /** {@code early-stopping}. */
    public static final class EarlyStoppingProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public EarlyStoppingProvider() {
            super("early-stopping", "stop when the training loss stops improving",
                    List.of(EVERY, PluginParameter.integer("patience", "checks without improvement", 10).atLeast(1),
                            PluginParameter.number("minDelta", "least decrease that counts", 0.0).atLeast(0),
                            name("early_stopping")),
                    a -> new EarlyStopping(a.integer("every"), TrainingView::loss, a.integer("patience"),
                            a.number("minDelta"), a.string("name")));
        }
    }

    /** {@code non-finite-guard}. */
    public static final class NonFiniteGuardProvider extends SimpleProvider<Callback> implements CallbackProvider {
        /** Service constructor. */
        public NonFiniteGuardProvider() {
            super("non-finite-guard", "stop or throw at the first NaN or infinite loss or gradient",
                    List.of(EVERY, PluginParameter.string("action", "what to do", "stop").oneOf("stop", "throw")),
                    a -> new NonFiniteGuard(a.integer("every"),
                            NonFiniteGuard.Action.valueOf(a.string("action").toUpperCase(Locale.ROOT))));
        }
    }
}
