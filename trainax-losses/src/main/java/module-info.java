/**
 * Time-level losses: MSE, MAE, RMSE, their normalized forms, Lp, weighted composites, the
 * Sobolev H1 loss and the Fourier band loss. The
 * package is exported for plain-Java users; applications find the losses through
 * {@link dev.trainax.api.plugin.LossProvider}.
 */
module dev.trainax.losses {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.losses;

    provides dev.trainax.api.plugin.LossProvider with
            dev.trainax.losses.LossProviders.MseProvider,
            dev.trainax.losses.LossProviders.MaeProvider,
            dev.trainax.losses.LossProviders.RmseProvider,
            dev.trainax.losses.LossProviders.NmseProvider,
            dev.trainax.losses.LossProviders.NmaeProvider,
            dev.trainax.losses.LossProviders.NrmseProvider,
            dev.trainax.losses.LossProviders.LpProvider,
            dev.trainax.losses.LossProviders.CompositeLossProvider,
            dev.trainax.losses.LossProviders.H1Provider,
            dev.trainax.losses.LossProviders.FourierProvider;
}
