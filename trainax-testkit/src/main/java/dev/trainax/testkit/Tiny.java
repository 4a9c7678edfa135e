package dev.trainax.testkit;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.LossContext;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kits' own plugins, written against the API alone so that a kit needs no other Trainax
 * module: a three-parameter network, a fixed reference stepper, a residuum, the MSE loss and the
 * supervised rollout, on
 * periodic 1D states of {@link #STATE_SHAPE}. Every one of them is smooth, so finite differences
 * are accurate, and couples neighbouring points, so that a mix-up of space or batch axes shows.
 */
public final class Tiny {

    /** One channel of six periodic points. */
    public static final long[] STATE_SHAPE = {1, 6};

    private Tiny() {
    }

    /**
     * The network {@code f(u) = a·u + b·shift(u) + c·tanh(u)}, {@code shift} the periodic shift by
     * one point; its parameters {@code a}, {@code b}, {@code c} have shape {@code [1]}. It evaluates
     * ensemble members in one batched computation.
     */
    public static MemberBatchedNetwork network() {
        return new TinyNetwork();
    }

    /** The fixed reference stepper {@code P(u) = 0.7·u + 0.3·shift(u) − 0.05·u³}, on states of any shape. */
    public static Stepper referenceStepper() {
        return (context, state) -> reference(state, context.stateShape());
    }

    /** The residuum {@code R(next, previous) = next − P(previous)}, zero on trajectories of {@link #referenceStepper()}. */
    public static Residuum residuum() {
        return (context, next, previous) -> next.sub(reference(previous, context.stateShape()));
    }

    /** The mean squared error per sample, averaged over the batch; its single-input form is the mean square. */
    public static TimeLevelLoss mse() {
        return mse(BatchReduction.MEAN);
    }

    /** The mean squared error per sample with the given batch reduction. */
    public static TimeLevelLoss mse(BatchReduction reduction) {
        return new Mse(reduction);
    }

    /**
     * The r-step supervised rollout {@code Σₜ mse(fᵗ(u⁰), uᵗ)}, t = 1..r, with {@link #mse()}: a
     * configuration written against {@link dev.trainax.api.RolloutOps} for tests of modules that
     * cannot depend on the configurations' module.
     */
    public static Configuration supervised(int numRolloutSteps) {
        if (numRolloutSteps < 1) {
            throw new IllegalArgumentException("numRolloutSteps must be ≥ 1, got " + numRolloutSteps);
        }
        return Programs.supervised(numRolloutSteps, 0, mse());
    }

    /**
     * Windows {@code (batch, levels, *STATE_SHAPE)} in float64: trajectories of
     * {@link #referenceStepper()} from standard normal initial states drawn from {@code seed}.
     */
    public static INDArray windows(Engine engine, int batch, int levels, long seed) {
        INDArray initial = RandomArrays.gaussian(seed, DataType.DOUBLE, batch, STATE_SHAPE[0], STATE_SHAPE[1]);
        return engine.compileRollout(referenceStepper(), Parameters.of(Map.of()), STATE_SHAPE, DataType.DOUBLE)
                .trajectory(initial, levels - 1);
    }

    /** {@code u} of rank {@code rank} shifted periodically by one point along its last axis of {@code points}. */
    static SDVariable shift(SDVariable u, int rank, long points) {
        SDIndex[] head = new SDIndex[rank];
        SDIndex[] tail = new SDIndex[rank];
        for (int axis = 0; axis < rank - 1; axis++) {
            head[axis] = SDIndex.all();
            tail[axis] = SDIndex.all();
        }
        head[rank - 1] = SDIndex.interval(1L, points);
        tail[rank - 1] = SDIndex.interval(0L, 1L);
        return u.getSameDiff().concat(rank - 1, u.get(head), u.get(tail));
    }

    private static SDVariable reference(SDVariable u, long[] stateShape) {
        SDVariable shifted = shift(u, stateShape.length + 1, stateShape[stateShape.length - 1]);
        return u.mul(0.7).add(shifted.mul(0.3)).sub(u.mul(u).mul(u).mul(0.05));
    }

    /** {@code P} in plain Java on one state of {@link #STATE_SHAPE}, for hand-computed references. */
    static double[] reference(double[] u) {
        double[] next = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            next[j] = 0.7 * u[j] + 0.3 * u[(j + 1) % u.length] - 0.05 * u[j] * u[j] * u[j];
        }
        return next;
    }

    /** {@code f} in plain Java on one state of {@link #STATE_SHAPE}, for hand-computed references. */
    static double[] network(double a, double b, double c, double[] u) {
        double[] next = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            next[j] = a * u[j] + b * u[(j + 1) % u.length] + c * Math.tanh(u[j]);
        }
        return next;
    }

    /** See {@link #network()}. */
    private static final class TinyNetwork implements MemberBatchedNetwork {

        @Override
        public Parameters initialParameters(long seed) {
            double[] draw = RandomArrays.gaussian(seed, DataType.DOUBLE, 3).toDoubleVector();
            Map<String, INDArray> parameters = new LinkedHashMap<>();
            // near the reference stepper's coefficients, so rollouts stay bounded
            parameters.put("a", Nd4j.createFromArray(0.6 + 0.1 * draw[0]));
            parameters.put("b", Nd4j.createFromArray(0.3 + 0.1 * draw[1]));
            parameters.put("c", Nd4j.createFromArray(0.1 * draw[2]));
            return Parameters.of(parameters);
        }

        @Override
        public SDVariable apply(StepContext context, SDVariable state) {
            long[] shape = context.stateShape();
            return step(context.parameter("a"), context.parameter("b"), context.parameter("c"), state,
                    shape.length + 1, shape[shape.length - 1]);
        }

        @Override
        public SDVariable applyMembers(StepContext context, SDVariable states, int members, long[] stateShape) {
            // (batch·members, *state) → (batch, members, *state): member k's coefficients broadcast over its rows
            long[] grouped = new long[stateShape.length + 2];
            grouped[0] = -1;
            grouped[1] = members;
            System.arraycopy(stateShape, 0, grouped, 2, stateShape.length);
            long[] perMember = new long[grouped.length];
            Arrays.fill(perMember, 1);
            perMember[1] = members;
            SDVariable next = step(context.parameter("a").reshape(perMember), context.parameter("b").reshape(perMember),
                    context.parameter("c").reshape(perMember), states.reshape(grouped), grouped.length,
                    stateShape[stateShape.length - 1]);
            long[] flat = new long[stateShape.length + 1];
            flat[0] = -1;
            System.arraycopy(stateShape, 0, flat, 1, stateShape.length);
            return next.reshape(flat);
        }

        private static SDVariable step(SDVariable a, SDVariable b, SDVariable c, SDVariable u, int rank, long points) {
            return u.mul(a).add(shift(u, rank, points).mul(b)).add(u.getSameDiff().math().tanh(u).mul(c));
        }

        @Override
        public String toString() {
            return "Tiny.network()";
        }
    }

    /** See {@link #mse(BatchReduction)}. */
    private record Mse(BatchReduction batchReduction) implements TimeLevelLoss {
        @Override
        public SDVariable perSample(LossContext context, SDVariable prediction, SDVariable target) {
            SDVariable error = target == null ? prediction : prediction.sub(target);
            return context.meanPerSample(error.mul(error));
        }
    }
}
