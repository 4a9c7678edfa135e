package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The small algebra every {@link Configuration} programs against: apply the network, apply the
 * reference stepper, evaluate a residuum, cut a gradient, compare states with a time-level loss and
 * add weighted loss terms. An engine implements it; a configuration never sees how values or
 * gradients are computed.
 */
@API(status = STABLE, since = "0.1")
public interface RolloutOps {

    /**
     * The state at one time level of the data window; level 0 is the initial condition.
     *
     * @param timeLevel index in {@code [0, numTimeLevels)} of the configuration's {@link DataRequirement}
     */
    State data(int timeLevel);

    /** One autoregressive step of the trained network, {@code f_θ(state)}. */
    State network(State state);

    /** One step of the reference physics {@code P_h(state)}. Fails if no reference stepper was given. */
    State reference(State state);

    /** The residuum {@code R(next, previous)} of two consecutive states. Fails if no residuum was given. */
    State residuum(State next, State previous);

    /** Passes the value on and blocks every gradient flowing back through it. */
    State stopGradient(State state);

    /** A time-level loss of a prediction against a target, reduced over the batch. */
    Scalar loss(TimeLevelLoss loss, State prediction, State target);

    /** A time-level loss of a single state (for instance a residuum), reduced over the batch. */
    Scalar loss(TimeLevelLoss loss, State residuum);

    /**
     * The weighted sum {@code Σ weights[i] · terms[i]}.
     *
     * @throws IllegalArgumentException if the lengths differ or {@code terms} is empty
     */
    Scalar weightedSum(double[] weights, List<Scalar> terms);
}
