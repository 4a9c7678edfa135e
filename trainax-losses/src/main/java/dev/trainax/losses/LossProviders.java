package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.LossProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
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
    private abstract static class Simple implements LossProvider {
        private final String id;
        private final String description;
        private final Function<BatchReduction, TimeLevelLoss> factory;

        Simple(String id, String description, Function<BatchReduction, TimeLevelLoss> factory) {
            this.id = id;
            this.description = description;
            this.factory = factory;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of(BATCH_REDUCTION);
        }

        @Override
        public TimeLevelLoss create(PluginArguments arguments) {
            return factory.apply(reduction(arguments));
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
    public static final class Lp implements LossProvider {
        @Override
        public String id() {
            return "lp";
        }

        @Override
        public String description() {
            return "(mean |error|^p)^(1/p) over channels and space, optionally normalized by the target's";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of(PluginParameter.number("p", "the exponent", 2.0).atLeast(1),
                    PluginParameter.bool("normalized", "divide by the same norm of the target", false),
                    BATCH_REDUCTION);
        }

        @Override
        public TimeLevelLoss create(PluginArguments arguments) {
            return MeanPowerLoss.lp(arguments.number("p"), arguments.bool("normalized"), reduction(arguments));
        }
    }

    /** {@code composite-loss}. */
    public static final class Composite implements LossProvider {
        @Override
        public String id() {
            return "composite-loss";
        }

        @Override
        public String description() {
            return "weighted sum of time-level losses";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of(PluginParameter.plugins("losses", "the losses to add", PluginKind.LOSS),
                    PluginParameter.numbers("weights", "one weight per loss; all 1 if absent").optional());
        }

        @Override
        public TimeLevelLoss create(PluginArguments arguments) {
            List<TimeLevelLoss> losses = new ArrayList<>(arguments.plugins("losses", TimeLevelLoss.class));
            double[] weights = arguments.has("weights") ? arguments.numbers("weights") : ones(losses.size());
            return new CompositeLoss(losses, weights);
        }

        private static double[] ones(int n) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
    }
}
