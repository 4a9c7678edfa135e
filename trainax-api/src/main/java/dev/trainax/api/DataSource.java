package dev.trainax.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reference trajectories {@code (samples, time, *state)}, the initial condition at time 0. */
@FunctionalInterface
public interface DataSource {

    /** The trajectories; each call may generate or read them anew. */
    INDArray trajectories();
}
