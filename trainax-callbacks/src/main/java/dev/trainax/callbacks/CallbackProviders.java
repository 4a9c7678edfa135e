package dev.trainax.callbacks;

import dev.trainax.api.Callback;
import dev.trainax.api.plugin.CallbackProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link CallbackProvider}s of this module, one per callback: each callback's {@code Options}
 * record declares the provider's parameters.
 */
public final class CallbackProviders {

    private CallbackProviders() {
    }

    /** A provider whose parameters are the components of its callback's {@code options} record. */
    private abstract static class Base<O extends Record> extends RecordProvider<O, Callback>
            implements CallbackProvider {
        Base(String id, String description, Class<O> options, Function<? super O, ? extends Callback> factory) {
            super(id, description, options, MethodHandles.lookup(), factory);
        }
    }

    /** {@code save-network}. */
    public static final class SaveNetworkProvider extends Base<SaveNetwork.Options> {
        /** Service constructor. */
        public SaveNetworkProvider() {
            super("save-network", "save the parameters every k steps as <fileName>_<step>.safetensors"
                    + " (atomically: temporary file, then rename)", SaveNetwork.Options.class, SaveNetwork::new);
        }
    }

    /** {@code get-network}. */
    public static final class GetNetworkProvider extends Base<GetNetwork.Options> {
        /** Service constructor. */
        public GetNetworkProvider() {
            super("get-network", "record a copy of the parameters", GetNetwork.Options.class, GetNetwork::new);
        }
    }

    /** {@code weight-norm}. */
    public static final class WeightNormProvider extends Base<WeightNorm.Options> {
        /** Service constructor. */
        public WeightNormProvider() {
            super("weight-norm", "record the L2 norm of all parameters", WeightNorm.Options.class, WeightNorm::new);
        }
    }

    /** {@code grad-norm}. */
    public static final class GradNormProvider extends Base<GradNorm.Options> {
        /** Service constructor. */
        public GradNormProvider() {
            super("grad-norm", "record the gradient norm of a configuration (default: the training one)",
                    GradNorm.Options.class, GradNorm::new);
        }
    }

    /** {@code loss}: the {@link ConfigurationLoss} callback. */
    public static final class ConfigurationLossProvider extends Base<ConfigurationLoss.Options> {
        /** Service constructor. */
        public ConfigurationLossProvider() {
            super("loss", "record another configuration's loss (and gradient) on the minibatch",
                    ConfigurationLoss.Options.class, ConfigurationLoss::new);
        }
    }

    /** {@code early-stopping}. */
    public static final class EarlyStoppingProvider extends Base<EarlyStopping.Options> {
        /** Service constructor. */
        public EarlyStoppingProvider() {
            super("early-stopping", "stop when the training loss stops improving", EarlyStopping.Options.class,
                    EarlyStopping::new);
        }
    }

    /** {@code non-finite-guard}. */
    public static final class NonFiniteGuardProvider extends Base<NonFiniteGuard.Options> {
        /** Service constructor. */
        public NonFiniteGuardProvider() {
            super("non-finite-guard", "stop or throw at the first NaN or infinite loss or gradient",
                    NonFiniteGuard.Options.class, NonFiniteGuard::new);
        }
    }
}
