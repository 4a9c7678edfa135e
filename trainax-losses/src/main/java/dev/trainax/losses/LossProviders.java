package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.LossProvider;
import dev.trainax.api.plugin.RecordProvider;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The {@link LossProvider}s of this module, one small class per plugin id: their parameters are the
 * {@link dev.trainax.api.plugin.Param} components of {@link MeanPowerLoss.Options},
 * {@link MeanPowerLoss.LpOptions}, {@link CompositeLoss}, {@link SobolevLoss.Options} and
 * {@link FourierLoss.Options}.
 */
public final class LossProviders {

    private LossProviders() {
    }

    /** A provider of a fixed member of the mean-power family: its only parameter is the batch reduction. */
    private abstract static class MeanPowerProvider extends RecordProvider<MeanPowerLoss.Options, TimeLevelLoss>
            implements LossProvider {
        MeanPowerProvider(String id, String description, Function<BatchReduction, TimeLevelLoss> factory) {
            super(id, description, MeanPowerLoss.Options.class, MethodHandles.lookup(),
                    options -> factory.apply(options.batchReduction()));
        }
    }

    /** {@code mse}. */
    public static final class MseProvider extends MeanPowerProvider {
        /** Service constructor. */
        public MseProvider() {
            super("mse", "mean squared error over channels and space", MeanPowerLoss::mse);
        }
    }

    /** {@code mae}. */
    public static final class MaeProvider extends MeanPowerProvider {
        /** Service constructor. */
        public MaeProvider() {
            super("mae", "mean absolute error over channels and space", MeanPowerLoss::mae);
        }
    }

    /** {@code rmse}. */
    public static final class RmseProvider extends MeanPowerProvider {
        /** Service constructor. */
        public RmseProvider() {
            super("rmse", "root mean squared error over channels and space", MeanPowerLoss::rmse);
        }
    }

    /** {@code nmse}. */
    public static final class NmseProvider extends MeanPowerProvider {
        /** Service constructor. */
        public NmseProvider() {
            super("nmse", "MSE divided by the target's mean square, per sample (needs a target)", MeanPowerLoss::nmse);
        }
    }

    /** {@code nmae}. */
    public static final class NmaeProvider extends MeanPowerProvider {
        /** Service constructor. */
        public NmaeProvider() {
            super("nmae", "MAE divided by the target's mean absolute value, per sample (needs a target)",
                    MeanPowerLoss::nmae);
        }
    }

    /** {@code nrmse}. */
    public static final class NrmseProvider extends MeanPowerProvider {
        /** Service constructor. */
        public NrmseProvider() {
            super("nrmse", "RMSE divided by the target's root mean square, per sample (needs a target)",
                    MeanPowerLoss::nrmse);
        }
    }

    /** {@code lp}. */
    public static final class LpProvider extends RecordProvider<MeanPowerLoss.LpOptions, TimeLevelLoss>
            implements LossProvider {
        /** Service constructor. */
        public LpProvider() {
            super("lp", "(mean |error|^p)^(1/p) over channels and space, optionally normalized by the target's",
                    MeanPowerLoss.LpOptions.class, MethodHandles.lookup(), MeanPowerLoss::lp);
        }
    }

    /** {@code composite-loss}: the record is the loss itself. */
    public static final class CompositeLossProvider extends RecordProvider<CompositeLoss, TimeLevelLoss>
            implements LossProvider {
        /** Service constructor. */
        public CompositeLossProvider() {
            super("composite-loss", "weighted sum of time-level losses", CompositeLoss.class, MethodHandles.lookup(),
                    Function.identity());
        }
    }

    /** {@code h1}: the Sobolev H1 loss with the spectral gradient. */
    public static final class H1Provider extends RecordProvider<SobolevLoss.Options, TimeLevelLoss>
            implements LossProvider {
        /** Service constructor. */
        public H1Provider() {
            super("h1", "Sobolev H1 loss: mean e^2 + mean |spectral gradient of e|^2 on a periodic grid,"
                    + " optionally normalized by the target's", SobolevLoss.Options.class, MethodHandles.lookup(),
                    SobolevLoss::new);
        }
    }

    /** {@code fourier}: the squared error in a band of Fourier modes. */
    public static final class FourierProvider extends RecordProvider<FourierLoss.Options, TimeLevelLoss>
            implements LossProvider {
        /** Service constructor. */
        public FourierProvider() {
            super("fourier", "squared error in the Fourier modes low <= max |k| < high, weighted by |k|^(2d),"
                    + " optionally normalized by the target's band energy", FourierLoss.Options.class,
                    MethodHandles.lookup(), FourierLoss::new);
        }
    }
}
