package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.plugin.NetworkProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link NetworkProvider}s of this module, one per architecture: each takes the
 * {@link dev.trainax.api.plugin.Param} components of the architecture's {@code Options} record as
 * its parameters.
 */
public final class NetworkProviders {

    private NetworkProviders() {
    }

    /** A provider whose parameters are the components of {@code options}. */
    private abstract static class Base<R extends Record> extends RecordProvider<R, Network> implements NetworkProvider {
        Base(String id, String description, Class<R> options, Function<R, Network> factory) {
            super(id, description, options, MethodHandles.lookup(), factory);
        }
    }

    /** {@code mlp}. */
    public static final class MlpProvider extends Base<Mlp.Options> {
        /** Service constructor. */
        public MlpProvider() {
            super("mlp", "multilayer perceptron on the flattened state (PyTorch/Equinox default initialisation)",
                    Mlp.Options.class, Mlp::new);
        }
    }

    /** {@code convnet}. */
    public static final class ConvNetProvider extends Base<ConvNet.Options> {
        /** Service constructor. */
        public ConvNetProvider() {
            super("convnet", "ConvNet in 1D to 3D: lift, hidden convolutions with activation, projection (APEBench)",
                    ConvNet.Options.class, ConvNet::new);
        }
    }

    /** {@code resnet}. */
    public static final class ResNetProvider extends Base<ResNet.Options> {
        /** Service constructor. */
        public ResNetProvider() {
            super("resnet", "residual network in 1D to 3D: lift, residual blocks of two convolutions, projection",
                    ResNet.Options.class, ResNet::new);
        }
    }

    /** {@code dilated-resnet}. */
    public static final class DilatedResNetProvider extends Base<DilatedResNet.Options> {
        /** Service constructor. */
        public DilatedResNetProvider() {
            super("dilated-resnet", "pdequinox's dilated ResNet in 1D to 3D: 1x1 lift, residual blocks of dilated "
                    + "convolutions (rates 1, 2, 4, 8, 4, 2, 1) with group norm, 1x1 projection",
                    DilatedResNet.Options.class, DilatedResNet::new);
        }
    }

    /** {@code modern-resnet}. */
    public static final class ModernResNetProvider extends Base<ModernResNet.Options> {
        /** Service constructor. */
        public ModernResNetProvider() {
            super("modern-resnet", "pdequinox's modern ResNet in 1D to 3D: 1x1 lift, pre-activation residual blocks "
                    + "(group norm, activation, convolution, twice), 1x1 projection", ModernResNet.Options.class,
                    ModernResNet::new);
        }
    }

    /** {@code unet}. */
    public static final class UNetProvider extends Base<UNet.Options> {
        /** Service constructor. */
        public UNetProvider() {
            super("unet", "pdequinox's classic UNet in 1D to 3D: double convolutions with group norm, strided "
                    + "convolutions down, transposed convolutions up, skip connections", UNet.Options.class,
                    UNet::new);
        }
    }

    /** {@code fno}. */
    public static final class FnoProvider extends Base<Fno.Options> {
        /** Service constructor. */
        public FnoProvider() {
            super("fno", "pdequinox's Fourier neural operator in 1D and 2D: 1x1 lift, spectral blocks (lowest modes "
                    + "times complex weights, plus a 1x1 bypass, GELU), 1x1 projection", Fno.Options.class, Fno::new);
        }
    }

    /** {@code conv1d}. */
    public static final class Conv1dProvider extends Base<Conv1d.Options> {
        /** Service constructor. */
        public Conv1dProvider() {
            super("conv1d", "one 1D convolution with Equinox SAME padding (the quickstart's linear stencil)",
                    Conv1d.Options.class, Conv1d::new);
        }
    }

    /** {@code conv2d}. */
    public static final class Conv2dProvider extends Base<Conv.StepperOptions> {
        /** Service constructor. */
        public Conv2dProvider() {
            super("conv2d", "one 2D convolution with Equinox SAME padding, states (batch, channels, height, width)",
                    Conv.StepperOptions.class, Conv2d::new);
        }
    }

    /** {@code conv3d}. */
    public static final class Conv3dProvider extends Base<Conv.StepperOptions> {
        /** Service constructor. */
        public Conv3dProvider() {
            super("conv3d", "one 3D convolution with Equinox SAME padding, states (batch, channels, depth, height, width)",
                    Conv.StepperOptions.class, Conv3d::new);
        }
    }
}
