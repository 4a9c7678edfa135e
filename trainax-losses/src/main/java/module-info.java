/**
 * Time-level losses: MSE, MAE, RMSE, their normalized forms, Lp and weighted composites. The
 * package is exported for plain-Java users; applications find the losses through
 * {@link dev.trainax.api.plugin.LossProvider}.
 */
module dev.trainax.losses {
    requires dev.trainax.api;
    requires jdk.unsupported;

    exports dev.trainax.losses;

    provides dev.trainax.api.plugin.LossProvider with
            dev.trainax.losses.LossProviders.Mse,
            dev.trainax.losses.LossProviders.Mae,
            dev.trainax.losses.LossProviders.Rmse,
            dev.trainax.losses.LossProviders.Nmse,
            dev.trainax.losses.LossProviders.Nmae,
            dev.trainax.losses.LossProviders.Nrmse,
            dev.trainax.losses.LossProviders.Lp,
            dev.trainax.losses.LossProviders.Composite;
}
