package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.LossProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The {@link LossProvider}s of this module, one small class per plugin id. */
public final class LossProviders {

    private LossProviders() {
    }

    static final PluginParameter BATCH_REDUCTION = PluginParameter.string("batchReduction",
            "how per-sample losses are aggregated over the batch", "mean").oneOf("mean", "sum");

    static BatchReduction reduction(PluginArguments arguments) {
        return BatchReduction.valueOf(arguments.string("batchReduction").toUpperCase(Locale.ROOT));
    }

    /** A provider whose only parameter is the batch reduction. */
    private abstract static class Simple extends SimpleProvider<TimeLevelLoss> implements LossProvider {
        Simple(String id, String description, Function<BatchReduction, TimeLevelLoss> factory) {
            super(id, description, List.of(BATCH_REDUCTION), arguments -> factory.apply(reduction(arguments)));
        }
    }

    /** {@code mse}. */
    public static final class Mse extends Simple {
        /** Service constructor. */
        public Mse() {
            super("mse", "mean squared error over channels and space", MeanPowerLoss::mse);
        }
    }

    /** {@code mae}. */
    public static final class Mae extends Simple {
        /** Service constructor. */
        public Mae() {
            super("mae", "mean absolute error over channels and space", MeanPowerLoss::mae);
        }
    }

    /** {@code rmse}. */
    public static final class Rmse extends Simple {
        /** Service constructor. */
        public Rmse() {
            super("rmse", "root mean squared error over channels and space", MeanPowerLoss::rmse);
        }
    }

    /** {@code nmse}. */
    public static final class Nmse extends Simple {
        /** Service constructor. */
        public Nmse() {
            super("nmse", "MSE divided by the target's mean square, per sample (needs a target)", MeanPowerLoss::nmse);
        }
    }

    /** {@code nmae}. */
    public static final class Nmae extends Simple {
        /** Service constructor. */
        public Nmae() {
            super("nmae", "MAE divided by the target's mean absolute value, per sample (needs a target)",
                    MeanPowerLoss::nmae);
        }
    }

    /** {@code nrmse}. */
    public static final class Nrmse extends Simple {
        /** Service constructor. */
        public Nrmse() {
            super("nrmse", "RMSE divided by the target's root mean square, per sample (needs a target)",
                    MeanPowerLoss::nrmse);
        }
    }

    /** {@code lp}. */
    public static final class Lp extends SimpleProvider<TimeLevelLoss> implements LossProvider {
        /** Service constructor. */
        public Lp() {
            super("lp", "(mean |error|^p)^(1/p) over channels and space, optionally normalized by the target's",
                    List.of(PluginParameter.number("p", "the exponent", 2.0).atLeast(1),
                            PluginParameter.bool("normalized", "divide by the same norm of the target", false),
                            BATCH_REDUCTION),
                    a -> MeanPowerLoss.lp(a.number("p"), a.bool("normalized"), reduction(a)));
        }
    }

    /** {@code composite-loss}. */
    public static final class Composite extends SimpleProvider<TimeLevelLoss> implements LossProvider {
        /** Service constructor. */
        public Composite() {
            super("composite-loss", "weighted sum of time-level losses",
                    List.of(PluginParameter.plugins("losses", "the losses to add", PluginKind.LOSS),
                            PluginParameter.numbers("weights", "one weight per loss; all 1 if absent").optional()),
                    Composite::composite);
        }

        private static TimeLevelLoss composite(PluginArguments arguments) {
            List<TimeLevelLoss> losses = new ArrayList<>(arguments.plugins("losses", TimeLevelLoss.class));
            double[] weights = new double[losses.size()];
            java.util.Arrays.fill(weights, 1.0);
            return new CompositeLoss(losses, arguments.has("weights") ? arguments.numbers("weights") : weights);
        }
    }
}
