package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;

/** Records a copy of the parameters. */
public final class GetNetwork extends BaseCallback {

    /** @param every interval in update steps; name {@code network} */
    public GetNetwork(int every) {
        super(every, "network");
    }

    @Override
    public Object onStep(TrainingView view) {
        return view.parameters().copy();
    }
}
