package dev.trainax.testkit;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.StepContext;
import dev.trainax.api.TimeLevelLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The kits' loss programs, written directly against {@link RolloutOps}, so that the kits need no
 * configuration module: Trainax's supervised rollout, diverted chain and residuum rollout, and the
 * one-step programs through which the kits differentiate a loss, a reference stepper or a residuum.
 */
final class Programs {

    private Programs() {
    }

    /** A configuration named for assertion messages. */
    record Program(String name, DataRequirement dataRequirement, Function<RolloutOps, Scalar> body)
            implements Configuration {
        @Override
        public Scalar loss(RolloutOps ops) {
            return body.apply(ops);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code Σₜ l(fᵗ(u⁰), uᵗ)}, t = 1..r, with a cut after every {@code cutEvery}-th step (0: none). */
    static Program supervised(int r, int cutEvery, TimeLevelLoss loss) {
        return new Program("supervised r=" + r + (cutEvery > 0 ? " cut every " + cutEvery : ""),
                new DataRequirement(r + 1, false, false), ops -> {
                    State prediction = ops.data(0);
                    List<Scalar> terms = new ArrayList<>();
                    for (int t = 1; t <= r; t++) {
                        prediction = ops.network(prediction);
                        terms.add(ops.loss(loss, prediction, ops.data(t)));
                        if (cutEvery > 0 && t % cutEvery == 0) {
                            prediction = ops.stopGradient(prediction);
                        }
                    }
                    return ops.weightedSum(ones(r), terms);
                });
    }

    /**
     * From each of the first {@code r − b + 1} states of the network's main chain, b network steps
     * against b reference steps, compared at every branch level; {@code cutDivChain} stops the
     * gradient into the reference branch.
     */
    static Program divertedChain(int r, int b, boolean cutDivChain, TimeLevelLoss loss) {
        return new Program("diverted chain r=" + r + " b=" + b + (cutDivChain ? " cut" : ""),
                new DataRequirement(1, r + 1, true, false), ops -> {
                    State main = ops.data(0);
                    List<Scalar> terms = new ArrayList<>();
                    for (int start = 0; start <= r - b; start++) {
                        State prediction = main;
                        State reference = cutDivChain ? ops.stopGradient(main) : main;
                        for (int level = 0; level < b; level++) {
                            prediction = ops.network(prediction);
                            reference = ops.reference(reference);
                            terms.add(ops.loss(loss, prediction, reference));
                        }
                        main = ops.network(main);
                    }
                    return ops.weightedSum(ones(terms.size()), terms);
                });
    }

    /** {@code Σₜ l(R(ûᵗ⁺¹, ûᵗ))} along the network's r-step rollout from the initial condition. */
    static Program residuumRollout(int r, TimeLevelLoss loss) {
        return new Program("residuum r=" + r, new DataRequirement(1, r + 1, false, true), ops -> {
            State previous = ops.data(0);
            List<Scalar> terms = new ArrayList<>();
            for (int t = 0; t < r; t++) {
                State next = ops.network(previous);
                terms.add(ops.loss(loss, ops.residuum(next, previous)));
                previous = next;
            }
            return ops.weightedSum(ones(r), terms);
        });
    }

    /** {@code l(f(u⁰ + σ·ε), u¹)}: ε standard normal noise the engine draws every update step. */
    static Program noisyOneStep(double sigma, TimeLevelLoss loss) {
        return new Program("l(f(u⁰ + " + sigma + "·ε), u¹)", new DataRequirement(2, false, false), ops -> {
            State initial = ops.data(0);
            return ops.loss(loss, ops.network(ops.add(initial, ops.scale(sigma, ops.normalNoise(initial)))),
                    ops.data(1));
        });
    }

    /** {@code l(f(s), u¹)} for the network input {@code s} that {@code input} makes of u⁰ and u¹. */
    static Program oneStepFrom(String name, BiFunction<RolloutOps, State[], State> input, TimeLevelLoss loss) {
        return new Program("l(f(" + name + "), u¹)", new DataRequirement(2, false, false),
                ops -> ops.loss(loss, ops.network(input.apply(ops, new State[] {ops.data(0), ops.data(1)})),
                        ops.data(1)));
    }

    /** {@code l(f(u⁰), u¹)}, or {@code l(f(u⁰))} when {@code single}: with {@link #offset} a loss's input gradient. */
    static Program lossOf(TimeLevelLoss loss, boolean single) {
        return new Program(single ? "l(f(u⁰))" : "l(f(u⁰), u¹)", new DataRequirement(single ? 1 : 2, false, false),
                ops -> single ? ops.loss(loss, ops.network(ops.data(0)))
                        : ops.loss(loss, ops.network(ops.data(0)), ops.data(1)));
    }

    /** {@code mse(P(f(u⁰)), u¹)}: with {@link #offset}, the reference stepper's input gradient. */
    static Program referenceOf(TimeLevelLoss mse) {
        return new Program("mse(P(f(u⁰)), u¹)", new DataRequirement(2, true, false),
                ops -> ops.loss(mse, ops.reference(ops.network(ops.data(0))), ops.data(1)));
    }

    /** {@code mse(R(f(u¹), u⁰))} or {@code mse(R(u¹, f(u⁰)))}: with {@link #offset}, one input gradient of a residuum. */
    static Program residuumOf(boolean throughNext, TimeLevelLoss mse) {
        return new Program(throughNext ? "mse(R(f(u¹), u⁰))" : "mse(R(u¹, f(u⁰)))",
                new DataRequirement(2, false, true), ops -> ops.loss(mse, throughNext
                        ? ops.residuum(ops.network(ops.data(1)), ops.data(0))
                        : ops.residuum(ops.data(1), ops.network(ops.data(0)))));
    }

    /**
     * The network {@code u ↦ u + θ} with one trainable offset {@code θ} of shape {@code (1, *stateShape)}:
     * gradients with respect to {@code θ} are gradients with respect to the state, summed over the batch.
     */
    static Network offset(long[] stateShape) {
        long[] shape = new long[stateShape.length + 1];
        shape[0] = 1;
        System.arraycopy(stateShape, 0, shape, 1, stateShape.length);
        return new Network() {
            @Override
            public Parameters initialParameters(long seed) {
                return Parameters.of(Map.of("offset", RandomArrays.gaussian(seed, DataType.DOUBLE, shape).mul(0.1)));
            }

            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return state.add(context.parameter("offset"));
            }

            @Override
            public String toString() {
                return "offset network";
            }
        };
    }

    static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
