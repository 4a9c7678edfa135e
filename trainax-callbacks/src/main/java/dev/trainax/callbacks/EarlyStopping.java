package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Stops training when a monitored value (by default the training loss) has not improved by more
 * than {@code minDelta} for {@code patience} consecutive checks. Records the monitored value.
 */
public final class EarlyStopping extends BaseCallback {

    /** The {@code early-stopping} plugin parameters; the plugin monitors the training loss. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param(value = "checks without improvement", defaultValue = "10", min = 1) int patience,
            @Param(value = "least decrease that counts", defaultValue = "0.0", min = 0) double minDelta,
            @Param(value = "key of the results", defaultValue = "early_stopping") String name) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, patience, minDelta, name);
        }
    }

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

    /** Builds the callback {@code options} describe, monitoring the training loss. */
    public EarlyStopping(Options options) {
        this(options.every(), TrainingView::loss, options.patience(), options.minDelta(), options.name());
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

    @Override
    public Map<String, Double> checkpointState() {
        return Map.of("best", best, "checksWithoutImprovement", (double) checksWithoutImprovement);
    }

    @Override
    public void restoreState(Map<String, Double> state) {
        best = Require.present("state 'best'", state.get("best"));
        checksWithoutImprovement = Require.present("state 'checksWithoutImprovement'",
                state.get("checksWithoutImprovement")).intValue();
    }
}
