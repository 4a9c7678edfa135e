package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/** Records a copy of the parameters. */
public final class GetNetwork extends BaseCallback {

    /** The {@code get-network} plugin parameters. */
    public record Options(@Param(value = "interval in update steps", defaultValue = "1", min = 1) int every) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, every);
        }
    }

    /** @param every interval in update steps; name {@code network} */
    public GetNetwork(int every) {
        super(every, "network");
    }

    /** Builds the callback {@code options} describe. */
    public GetNetwork(Options options) {
        this(options.every());
    }

    @Override
    public Object onStep(TrainingView view) {
        return view.parameters().copy();
    }
}
