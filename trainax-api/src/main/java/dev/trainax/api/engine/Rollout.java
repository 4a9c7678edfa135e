package dev.trainax.api.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stepper compiled for forward use with fixed parameters: autoregressive rollouts of a trained
 * network, or data generation with a reference stepper.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Rollout {

    /** One step of a batch of states {@code (batch, channels, *space)}. */
    INDArray step(INDArray states);

    /**
     * The trajectory {@code (batch, steps + 1, channels, *space)} from {@code initial}, the initial
     * states included.
     */
    default INDArray trajectory(INDArray initial, int steps) {
        Require.atLeast("steps", steps, 0);
        List<INDArray> levels = new ArrayList<>();
        INDArray state = initial;
        levels.add(state);
        for (int t = 0; t < steps; t++) {
            state = step(state);
            levels.add(state);
        }
        return Nd4j.stack(1, levels.toArray(new INDArray[0]));
    }
}
