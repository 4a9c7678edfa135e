package dev.trainax.losses;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Require;
import dev.trainax.api.TimeLevelLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The family of pointwise losses: per sample, {@code m(e) = mean over channels and space of |e|^p}
 * of the error {@code e = prediction − target} (or of the single input), optionally taken to the
 * power {@code 1/p} ("root"), optionally divided by the same quantity of the target ("normalized").
 * MSE is p = 2, MAE p = 1, RMSE p = 2 with root; Lp is any p ≥ 1 with root.
 */
public final class MeanPowerLoss implements TimeLevelLoss {

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

    @Override
    public SDVariable perSample(SameDiff graph, SDVariable prediction, SDVariable target) {
        if (target == null) {
            Require.that(!normalized, "target", "is required by the normalized loss " + this
                    + " (it divides by the target's norm); use the plain form for a residuum");
            return measure(graph, prediction);
        }
        SDVariable error = measure(graph, prediction.sub(target));
        return normalized ? error.div(measure(graph, target)) : error;
    }

    /** {@code (mean |x|^p)^(1/p if root)} over axis 1 of a {@code (batch, features)} array. */
    private SDVariable measure(SameDiff graph, SDVariable x) {
        SDVariable powered;
        if (exponent == 2) {
            powered = graph.math().square(x);
        } else if (exponent == 1) {
            powered = graph.math().abs(x);
        } else {
            powered = graph.math().pow(graph.math().abs(x), exponent);
        }
        SDVariable mean = powered.mean(1);
        if (!root) {
            return mean;
        }
        return exponent == 2 ? graph.math().sqrt(mean) : graph.math().pow(mean, 1.0 / exponent);
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
