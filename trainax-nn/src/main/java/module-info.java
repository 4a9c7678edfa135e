/**
 * Neural steppers: MLPs, convolutions in 1D to 3D (periodic, Dirichlet or Neumann boundaries:
 * circular, zero or reflect padding), ConvNets, ResNets, and pdequinox's dilated ResNets, modern
 * ResNets, UNets and Fourier neural operators, initialised like PyTorch and Equinox. The
 * package is exported for plain-Java users; applications find the architectures through
 * {@link dev.trainax.api.plugin.NetworkProvider}.
 */
module dev.trainax.nn {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.nn;

    provides dev.trainax.api.plugin.NetworkProvider with
            dev.trainax.nn.NetworkProviders.MlpProvider,
            dev.trainax.nn.NetworkProviders.Conv1dProvider,
            dev.trainax.nn.NetworkProviders.Conv2dProvider,
            dev.trainax.nn.NetworkProviders.Conv3dProvider,
            dev.trainax.nn.NetworkProviders.ConvNetProvider,
            dev.trainax.nn.NetworkProviders.ResNetProvider,
            dev.trainax.nn.NetworkProviders.DilatedResNetProvider,
            dev.trainax.nn.NetworkProviders.ModernResNetProvider,
            dev.trainax.nn.NetworkProviders.UNetProvider,
            dev.trainax.nn.NetworkProviders.FnoProvider;
}
