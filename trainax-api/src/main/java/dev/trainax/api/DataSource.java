package dev.trainax.api;

import dev.trainax.api.engine.Engine;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reference trajectories {@code (samples, time, *state)}, the initial condition at time 0. */
@FunctionalInterface
public interface DataSource {

    /**
     * The trajectories; each call may generate or read them anew.
     *
     * @param engine the engine to run steppers with, supplied by the run plan; sources that need
     *               no stepper ignore it
     */
    INDArray trajectories(Engine engine);
}
