package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches the training loss and gradient for NaN or infinite values and, at the first one, either
 * stops training as diverged (keeping the last finite parameters; the run is reported as failed) or
 * throws, naming the update step.
 */
public final class NonFiniteGuard extends BaseCallback {

    /** What to do at the first non-finite value. */
    public enum Action {
        /** End training before the update; the result says why. */
        STOP,
        /** Throw an {@link IllegalStateException}. */
        THROW
    }

    /** The {@code non-finite-guard} plugin parameters. */
    public record Options(
            @Param(value = "interval in update steps", defaultValue = "1", min = 1) int every,
            @Param(value = "what to do", defaultValue = "stop") Action action) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every, action);
        }
    }

    private final Action action;

    /**
     * @param every  interval in update steps
     * @param action stop or throw
     */
    public NonFiniteGuard(int every, Action action) {
        super(every, "non_finite_guard");
        this.action = Require.present("action", action);
    }

    /** Builds the callback {@code options} describe. */
    public NonFiniteGuard(Options options) {
        this(options.every(), options.action());
    }

    @Override
    public Object onStep(TrainingView view) {
        String problem = null;
        if (!Double.isFinite(view.loss())) {
            problem = "loss is " + view.loss();
        } else {
            for (var entry : view.gradient().asMap().entrySet()) {
                INDArray gradient = entry.getValue();
                if (!Double.isFinite(gradient.sumNumber().doubleValue())) {
                    problem = "gradient of '" + entry.getKey() + "' has NaN or infinite entries";
                    break;
                }
            }
        }
        if (problem == null) {
            return null;
        }
        String message = problem + " at update step " + view.updateStep();
        if (action == Action.THROW) {
            throw new IllegalStateException(message);
        }
        view.stopDiverged(message);
        return message;
    }
}
