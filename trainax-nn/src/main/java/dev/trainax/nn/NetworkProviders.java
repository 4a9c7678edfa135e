package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.plugin.NetworkProvider;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.List;
import java.util.Locale;

/** The {@link NetworkProvider}s of this module. */
public final class NetworkProviders {

    private NetworkProviders() {
    }

    private static final PluginParameter ACTIVATION = PluginParameter.string("activation", "hidden activation", "relu")
            .oneOf("relu", "tanh", "swish", "elu", "identity");

    private static Activation activation(dev.trainax.api.plugin.PluginArguments arguments) {
        return Activation.valueOf(arguments.string("activation").toUpperCase(Locale.ROOT));
    }

    private static final PluginParameter PADDING = PluginParameter.string("padding", "boundary handling", "circular")
            .oneOf("circular", "zero", "reflect");

    private static Padding padding(dev.trainax.api.plugin.PluginArguments arguments) {
        return Padding.valueOf(arguments.string("padding").toUpperCase(Locale.ROOT));
    }

    /** {@code mlp}. */
    public static final class MlpProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public MlpProvider() {
            super("mlp", "multilayer perceptron on the flattened state (PyTorch/Equinox default initialisation)",
                    List.of(PluginParameter.integer("features", "channels × space of one state", null).atLeast(1),
                            PluginParameter.integer("width", "hidden width", 64).atLeast(1),
                            PluginParameter.integer("depth", "number of hidden layers", 2).atLeast(0),
                            ACTIVATION),
                    a -> new Mlp(a.integer("features"), a.integer("width"), a.integer("depth"), activation(a)));
        }
    }

    private static final PluginParameter SPATIAL_DIMS = PluginParameter.integer("spatialDims",
            "spatial axes of the state (1, 2 or 3)", 1).atLeast(1).atMost(3);

    /** The parameters of a convolution stack; {@code count} names its depth parameter. */
    private static List<PluginParameter> convStack(String count, String countDescription, int countDefault) {
        return List.of(SPATIAL_DIMS, PluginParameter.integer("channels", "state channels", 1).atLeast(1),
                PluginParameter.integer("width", "hidden channels", 32).atLeast(1),
                PluginParameter.integer(count, countDescription, countDefault).atLeast(0),
                PluginParameter.integer("kernelSize", "kernel width", 3).atLeast(1),
                ACTIVATION, PADDING);
    }

    /** {@code convnet}. */
    public static final class ConvNetProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public ConvNetProvider() {
            super("convnet", "ConvNet in 1D to 3D: lift, hidden convolutions with activation, projection (APEBench)",
                    convStack("depth", "hidden convolutions", 9),
                    a -> new ConvNet(a.integer("spatialDims"), a.integer("channels"), a.integer("width"), a.integer("depth"),
                            a.integer("kernelSize"), activation(a), padding(a)));
        }
    }

    /** {@code resnet}. */
    public static final class ResNetProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public ResNetProvider() {
            super("resnet", "residual network in 1D to 3D: lift, residual blocks of two convolutions, projection",
                    convStack("blocks", "residual blocks", 4),
                    a -> new ResNet(a.integer("spatialDims"), a.integer("channels"), a.integer("width"), a.integer("blocks"),
                            a.integer("kernelSize"), activation(a), padding(a)));
        }
    }

    /** The parameters of one convolution. */
    private static List<PluginParameter> convolution(int defaultKernel) {
        return List.of(PluginParameter.integer("channels", "input and output channels", 1).atLeast(1),
                PluginParameter.integer("kernelSize", "kernel width along every axis", defaultKernel).atLeast(1),
                PluginParameter.bool("useBias", "add a bias", false), PADDING);
    }

    private static Network convolution(int spatialDims, dev.trainax.api.plugin.PluginArguments a) {
        return new Conv(spatialDims, a.integer("channels"), a.integer("channels"), a.integer("kernelSize"),
                a.bool("useBias"), padding(a));
    }

    /** {@code conv1d}. */
    public static final class Conv1dProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public Conv1dProvider() {
            super("conv1d", "one 1D convolution with Equinox SAME padding (the quickstart's linear stencil)",
                    convolution(2), a -> convolution(1, a));
        }
    }

    /** {@code conv2d}. */
    public static final class Conv2dProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public Conv2dProvider() {
            super("conv2d", "one 2D convolution with Equinox SAME padding, states (batch, channels, height, width)",
                    convolution(3), a -> convolution(2, a));
        }
    }

    /** {@code conv3d}. */
    public static final class Conv3dProvider extends SimpleProvider<Network> implements NetworkProvider {
        /** Service constructor. */
        public Conv3dProvider() {
            super("conv3d", "one 3D convolution with Equinox SAME padding, states (batch, channels, depth, height, width)",
                    convolution(3), a -> convolution(3, a));
        }
    }
}
