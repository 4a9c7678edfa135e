package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The small algebra every {@link Configuration} programs against: apply the network, apply the
 * reference stepper, evaluate a residuum, cut a gradient, compare states with a time-level loss and
 * add weighted loss terms. An engine implements it; a configuration never sees how values or
 * gradients are computed.
 *
 * <p>Stochastic and scheduled training (experimental): states can be combined arithmetically, a
 * program can ask for random values and read the training progress. Random values are inputs the
 * engine draws afresh every update step from the run's seed and the step ({@link TrainingProgress});
 * no gradient flows through them. A program may depend on {@link #progress()} and
 * {@link #randomInt}; an engine then compiles one program per distinct structure and caches it.
 * The defaults of these operations throw {@link UnsupportedOperationException}, for engines
 * written before them.
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

    /**
     * The weighted combination {@code Σ weights[i] · states[i]} of states of one shape; gradients
     * flow into every state with its weight.
     *
     * @throws IllegalArgumentException if the lengths differ, {@code states} is empty or a weight is not finite
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State combine(double[] weights, List<State> states) {
        throw unsupported("combine");
    }

    /** The sum {@code a + b} of two states of one shape. */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State add(State a, State b) {
        return combine(new double[] {1.0, 1.0}, List.of(a, b));
    }

    /** The state times a finite {@code factor}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State scale(double factor, State state) {
        return combine(new double[] {factor}, List.of(state));
    }

    /**
     * {@code state} multiplied, sample by sample, by the root mean square of that sample of
     * {@code reference} (over every axis but the batch axis): a noise level relative to a state's
     * magnitude. No gradient flows through the root mean square.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State scaleByRms(State state, State reference) {
        throw unsupported("scaleByRms");
    }

    /**
     * Standard normal noise of {@code like}'s shape, drawn afresh every update step; no gradient
     * flows through it (nor into {@code like}, which only gives the shape).
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State normalNoise(State like) {
        throw unsupported("normalNoise");
    }

    /**
     * Per sample, {@code chosen} with probability {@code probability} and {@code otherwise} else:
     * a Bernoulli mask over the batch, drawn afresh every update step, blends the two states
     * ({@code m · chosen + (1 − m) · otherwise}), and gradients flow into the state each sample took.
     *
     * @throws IllegalArgumentException if {@code probability} is not in {@code [0, 1]}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default State randomSelect(double probability, State chosen, State otherwise) {
        throw unsupported("randomSelect");
    }

    /**
     * A uniform random integer in {@code [0, bound)}, one value for the whole batch, derived from
     * the run's seed and the update step: every call in one program gets the next value of that
     * step's sequence, and writing the program again for the same step gives the same values. The
     * program may change its structure with it (another rollout length).
     *
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default int randomInt(int bound) {
        throw unsupported("randomInt");
    }

    /** Where the run stands: {@link TrainingProgress#START} outside training. */
    @API(status = EXPERIMENTAL, since = "0.1")
    default TrainingProgress progress() {
        throw unsupported("progress");
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + ": this engine's RolloutOps (" + getClass().getName()
                + ") do not support stochastic or scheduled programs");
    }
}
