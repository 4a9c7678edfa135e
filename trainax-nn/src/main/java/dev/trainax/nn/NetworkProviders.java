package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.plugin.NetworkProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import java.util.List;
import java.util.Locale;

/** The {@link NetworkProvider}s of this module. */
public final class NetworkProviders {

    private NetworkProviders() {
    }

    /** {@code mlp}. */
    public static final class MlpProvider implements NetworkProvider {
        @Override
        public String id() {
            return "mlp";
        }

        @Override
        public String description() {
            return "multilayer perceptron on the flattened state (PyTorch/Equinox default initialisation)";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of(
                    PluginParameter.integer("features", "channels × space of one state", null).atLeast(1),
                    PluginParameter.integer("width", "hidden width", 64).atLeast(1),
                    PluginParameter.integer("depth", "number of hidden layers", 2).atLeast(0),
                    PluginParameter.string("activation", "hidden activation", "relu")
                            .oneOf("relu", "tanh", "swish", "elu", "identity"));
        }

        @Override
        public Network create(PluginArguments arguments) {
            return new Mlp(arguments.integer("features"), arguments.integer("width"), arguments.integer("depth"),
                    Activation.valueOf(arguments.string("activation").toUpperCase(Locale.ROOT)));
        }
    }

    /** {@code conv1d}. */
    public static final class Conv1dProvider implements NetworkProvider {
        @Override
        public String id() {
            return "conv1d";
        }

        @Override
        public String description() {
            return "one circular 1D convolution with Equinox SAME padding (the quickstart's linear stencil)";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of(
                    PluginParameter.integer("channels", "input and output channels", 1).atLeast(1),
                    PluginParameter.integer("kernelSize", "kernel width", 2).atLeast(1),
                    PluginParameter.bool("useBias", "add a bias", false));
        }

        @Override
        public Network create(PluginArguments arguments) {
            int channels = arguments.integer("channels");
            return new Conv1d(channels, channels, arguments.integer("kernelSize"), arguments.bool("useBias"));
        }
    }
}
