package dev.trainax.callbacks;

import dev.trainax.api.Require;
import dev.trainax.api.TrainingView;
import java.util.function.ToDoubleFunction;

/**
 * Stops training when a monitored value (by default the training loss) has not improved by more
 * than {@code minDelta} for {@code patience} consecutive checks. Records the monitored value.
 */
public final class EarlyStopping extends BaseCallback {

    private final ToDoubleFunction<TrainingView> monitor;
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int checksWithoutImprovement;

    /**
     * @param every    interval in update steps between checks
     * @param monitor  the value to minimise, e.g. {@code TrainingView::loss}
     * @param patience checks without improvement before stopping, ≥ 1
     * @param minDelta the least decrease that counts as improvement, ≥ 0
     * @param name     key of the results
     */
    public EarlyStopping(int every, ToDoubleFunction<TrainingView> monitor, int patience, double minDelta,
                         String name) {
        super(every, name);
        this.monitor = Require.present("monitor", monitor);
        this.patience = Require.atLeast("patience", patience, 1);
        this.minDelta = Require.atLeast("minDelta", minDelta, 0.0);
    }

    @Override
    public Object onStep(TrainingView view) {
        double value = monitor.applyAsDouble(view);
        if (value < best - minDelta) {
            best = value;
            checksWithoutImprovement = 0;
        } else if (++checksWithoutImprovement >= patience) {
            view.stop(name() + ": no improvement over " + best + " by more than " + minDelta + " in " + patience
                    + " checks");
        }
        return value;
    }
}
