package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The family of pointwise losses: per sample, {@code m(e) = mean over channels and space of |e|^p}
 * of the error {@code e = prediction − target} (or of the single input), optionally taken to the
 * power {@code 1/p} ("root"), optionally divided by the same quantity of the target ("normalized").
 * MSE is p = 2, MAE p = 1, RMSE p = 2 with root; Lp is any p ≥ 1 with root.
 */
public final class MeanPowerLoss implements TimeLevelLoss {

    /**
     * The parameters of the fixed members of the family (mse, mae, rmse and their normalized forms),
     * and the batch-reduction group of {@link LpOptions}.
     *
     * @param batchReduction how per-sample losses are aggregated over the batch (default mean)
     */
    public record Options(@Param(value = "how per-sample losses are aggregated over the batch", defaultValue = "mean")
                          BatchReduction batchReduction) {

        /** Validates against the declaration. */
        public Options {
            RecordParameters.check(Options.class, batchReduction);
        }
    }

    /**
     * The parameters of {@link #lp}.
     *
     * @param p          the exponent, at least 1 (default 2)
     * @param normalized whether to divide by the same norm of the target (default false)
     * @param reduction  the batch reduction, declared as for the fixed members
     */
    public record LpOptions(
            @Param(value = "the exponent", defaultValue = "2", min = 1) double p,
            @Param(value = "divide by the same norm of the target", defaultValue = "false") boolean normalized,
            @ParamGroup Options reduction) {

        /** Validates against the declarations. */
        public LpOptions {
            RecordParameters.check(LpOptions.class, p, normalized, reduction);
        }

        /** The options {@code p}, {@code normalized} and {@code batchReduction} name. */
        public LpOptions(double p, boolean normalized, BatchReduction batchReduction) {
            this(p, normalized, new Options(batchReduction));
        }

        /** How per-sample losses are aggregated over the batch. */
        public BatchReduction batchReduction() {
            return reduction.batchReduction();
        }
    }

    private final String name;
    private final double exponent;
    private final boolean root;
    private final boolean normalized;
    private final BatchReduction batchReduction;

    private MeanPowerLoss(String name, double exponent, boolean root, boolean normalized, BatchReduction reduction) {
        this.name = name;
        this.exponent = Require.atLeast("p", exponent, 1.0);
        this.root = root;
        this.normalized = normalized;
        this.batchReduction = Require.present("batchReduction", reduction);
    }

    /** Mean squared error. */
    public static MeanPowerLoss mse(BatchReduction reduction) {
        return new MeanPowerLoss("mse", 2, false, false, reduction);
    }

    /** Mean absolute error. */
    public static MeanPowerLoss mae(BatchReduction reduction) {
        return new MeanPowerLoss("mae", 1, false, false, reduction);
    }

    /** Root mean squared error. */
    public static MeanPowerLoss rmse(BatchReduction reduction) {
        return new MeanPowerLoss("rmse", 2, true, false, reduction);
    }

    /** MSE divided by the target's mean square, per sample. */
    public static MeanPowerLoss nmse(BatchReduction reduction) {
        return new MeanPowerLoss("nmse", 2, false, true, reduction);
    }

    /** MAE divided by the target's mean absolute value, per sample. */
    public static MeanPowerLoss nmae(BatchReduction reduction) {
        return new MeanPowerLoss("nmae", 1, false, true, reduction);
    }

    /** RMSE divided by the target's root mean square, per sample. */
    public static MeanPowerLoss nrmse(BatchReduction reduction) {
        return new MeanPowerLoss("nrmse", 2, true, true, reduction);
    }

    /** {@code (mean |e|^p)^(1/p)}, any p ≥ 1; normalized divides by the target's same norm. */
    public static MeanPowerLoss lp(double p, boolean normalized, BatchReduction reduction) {
        return new MeanPowerLoss(normalized ? "nlp" : "lp", p, true, normalized, reduction);
    }

    /** {@link #lp(double, boolean, BatchReduction)} with the given options. */
    public static MeanPowerLoss lp(LpOptions options) {
        return lp(options.p(), options.normalized(), options.batchReduction());
    }

    @Override
    public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
        if (target == null) {
            Require.that(!normalized, "target", "is required by the normalized loss " + this
                    + " (it divides by the target's norm); use the plain form for a residuum");
            return root(context, context.meanPerSample(powered(context.graph(), prediction, null)));
        }
        SDVariable error = root(context, context.meanPerSample(powered(context.graph(), prediction, target)));
        if (!normalized) {
            return error;
        }
        return error.div(root(context, context.meanPerSample(powered(context.graph(), target, null))));
    }

    /**
     * Without root or normalization, the batch mean of per-sample means is the mean over every
     * element (all samples have the same size): one reduction instead of two.
     */
    @Override
    public SDVariable batchLoss(LossContext context, SDVariable prediction, SDVariable target) {
        if (root || normalized || batchReduction != BatchReduction.MEAN) {
            return TimeLevelLoss.super.batchLoss(context, prediction, target);
        }
        return context.meanOverAll(powered(context.graph(), prediction, target));
    }

    /** {@code |x − y|^p} elementwise ({@code y} may be null), with the cheapest op for p = 1 and 2. */
    private SDVariable powered(SameDiff graph, SDVariable x, SDVariable y) {
        if (exponent == 2) {
            return y == null ? graph.math().square(x) : graph.math().squaredDifference(x, y);
        }
        SDVariable magnitude = graph.math().abs(y == null ? x : x.sub(y));
        return exponent == 1 ? magnitude : graph.math().pow(magnitude, exponent);
    }

    private SDVariable root(LossContext context, SDVariable mean) {
        if (!root) {
            return mean;
        }
        return exponent == 2 ? context.graph().math().sqrt(mean) : context.graph().math().pow(mean, 1.0 / exponent);
    }

    @Override
    public BatchReduction batchReduction() {
        return batchReduction;
    }

    @Override
    public boolean acceptsSingleInput() {
        return !normalized;
    }

    @Override
    public String toString() {
        return name + (root && !name.contains("rmse") ? "(p=" + exponent + ")" : "") + "[" + batchReduction + "]";
    }
}
