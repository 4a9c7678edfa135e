package dev.trainax.engine;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.LossContext;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Residuum;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link RolloutOps} that append operations to one SameDiff graph. Every state it creates is
 * recorded with where it came from, so that the objective can check shapes once with a probe batch.
 *
 * <p>Cuts are built in one of two ways. In the gradient pass a cut is a placeholder fed with the
 * value from the value pass, so nothing upstream of a cut is ever differentiated (SameDiff would
 * otherwise differentiate through ops behind a {@code StopGradient}, with zero cotangents, and fail
 * on ops without a gradient). In the value pass a cut is the identity and its input is recorded.
 *
 * <p>The program is written for one {@link TrainingProgress}: {@link #randomInt} answers from that
 * step's counter-based stream, and random values are placeholders of a {@link RandomInputs} shared
 * by both passes, filled each update step.
 */
final class GraphOps implements RolloutOps {

    /** A state together with the operation that produced it, for shape checks and error messages. */
    record GraphState(SDVariable variable, String origin) implements State {
    }

    /** A scalar term of the graph. */
    record GraphScalar(SDVariable variable) implements Scalar {
    }

    /** Two variables that must have equal shapes at run time, and what to call them in an error. */
    record ShapeCheck(SDVariable actual, SDVariable expected, String what) {
    }

    private final SameDiff graph;
    private final SDVariable windows;
    private final int numTimeLevels;
    /** The axes of a batched state other than the batch axis. */
    private final int[] stateAxes;
    private final Stepper network;
    private final GraphStepContext networkContext;
    private final Stepper reference;
    private final GraphStepContext referenceContext;
    private final Residuum residuum;
    private final GraphStepContext residuumContext;
    /** How {@link #stopGradient} is built. */
    enum CutMode {
        /** The cut's input is recorded and passed on: this pass computes the values behind cuts. */
        RECORD_VALUES,
        /** The cut is a placeholder named {@code cut_<k>}: this pass is differentiated. */
        PLACEHOLDERS
    }

    private final CutMode cutMode;
    private final String namePrefix;
    private final long[] stateShape;
    private final List<SDVariable> cuts = new ArrayList<>();
    private final Map<Integer, GraphState> dataLevels = new HashMap<>();
    private final List<ShapeCheck> shapeChecks = new ArrayList<>();
    private int networkCalls;
    private int referenceCalls;
    /** Members evaluated side by side in the batch axis (row b·lanes + k), 1 without batching. */
    private final int lanes;
    /** The loss of configurations that leave {@code timeLevelLoss} null, or null if the problem has none. */
    private final TimeLevelLoss defaultLoss;
    /** {@code [1, lanes, 1]} ones that repeat a data level once per member. */
    private SDVariable laneOnes;
    private final TrainingProgress progress;
    /** The step's {@link #randomInt} choices, from the start of the step's stream in every pass. */
    private final SplittableRandom choices;
    private final RandomInputs randomInputs;
    /** Random inputs requested so far in this pass. */
    private int randomRequests;

    GraphOps(CutMode cutMode, String namePrefix, SameDiff graph, SDVariable windows, int numTimeLevels, long[] stateShape,
             TrainingProblem problem, GraphStepContext networkContext, GraphStepContext referenceContext,
             GraphStepContext residuumContext, int lanes, TrainingProgress progress, RandomInputs randomInputs) {
        this.lanes = lanes;
        this.progress = progress;
        this.choices = StepRandomness.choices(progress);
        this.randomInputs = randomInputs;
        this.cutMode = cutMode;
        this.namePrefix = namePrefix;
        this.graph = graph;
        this.windows = windows;
        this.numTimeLevels = numTimeLevels;
        this.stateShape = stateShape.clone();
        this.stateAxes = IntStream.rangeClosed(1, stateShape.length).toArray();
        this.network = problem.network();
        this.networkContext = networkContext;
        this.reference = problem.referenceStepper().orElse(null);
        this.referenceContext = referenceContext;
        this.residuum = problem.residuum().orElse(null);
        this.defaultLoss = problem.defaultLoss().orElse(null);
        this.residuumContext = residuumContext;
    }

    List<ShapeCheck> shapeChecks() {
        return shapeChecks;
    }

    /** In {@link CutMode#RECORD_VALUES}, the inputs of the cuts in program order; else the cut placeholders (named with the pass's prefix). */
    List<SDVariable> cuts() {
        return cuts;
    }



    @Override
    public State data(int timeLevel) {
        Require.that(timeLevel >= 0 && timeLevel < numTimeLevels, "timeLevel",
                "must be in [0, " + numTimeLevels + ") as the configuration's data requirement declares, got "
                        + timeLevel);
        return dataLevels.computeIfAbsent(timeLevel, t -> new GraphState(
                perLane(windows.get(SDIndex.all(), SDIndex.point(t)), stateShape), "data level " + t));
    }

    /**
     * A per-sample value of shape {@code (batch, *shape)} as every member sees it: each sample
     * repeated once per member, adjacent; unchanged with one member.
     */
    private SDVariable perLane(SDVariable value, long[] shape) {
        if (lanes == 1) {
            return value;
        }
        long points = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        long[] batched = new long[shape.length + 1];
        batched[0] = -1;
        System.arraycopy(shape, 0, batched, 1, shape.length);
        if (laneOnes == null) {
            laneOnes = graph.constant(namePrefix + "lane_ones", Nd4j.ones(value.dataType(), 1, lanes, 1));
        }
        // a broadcast product: far cheaper in SameDiff than tile
        return value.reshape(-1, 1, points).mul(laneOnes).reshape(batched);
    }

    @Override
    public State network(State state) {
        String origin = "network step " + (++networkCalls);
        if (lanes == 1) {
            return step(network, networkContext, state, origin);
        }
        SDVariable input = variable(state);
        SDVariable output = ((MemberBatchedNetwork) network).applyMembers(networkContext, input,
                lanes, stateShape.clone());
        shapeChecks.add(new ShapeCheck(output, input, origin + " output (must keep the state shape)"));
        return new GraphState(output, origin);
    }

    @Override
    public State reference(State state) {
        if (reference == null) {
            throw new IllegalStateException("referenceStepper: the configuration applies the reference stepper "
                    + "but the problem has none");
        }
        return step(reference, referenceContext, state, "reference step " + (++referenceCalls));
    }

    private State step(Stepper stepper, GraphStepContext context, State state, String origin) {
        SDVariable input = variable(state);
        SDVariable output = stepper.apply(context, input);
        shapeChecks.add(new ShapeCheck(output, input, origin + " output (must keep the state shape)"));
        return new GraphState(output, origin);
    }

    @Override
    public State residuum(State next, State previous) {
        if (residuum == null) {
            throw new IllegalStateException("residuum: the configuration evaluates a residuum but the problem has none");
        }
        SDVariable output = residuum.apply(residuumContext, variable(next), variable(previous));
        shapeChecks.add(new ShapeCheck(output, variable(next), "residuum output (must have the state shape)"));
        return new GraphState(output, "residuum of " + origin(next));
    }

    @Override
    public State stopGradient(State state) {
        SDVariable input = variable(state);
        if (cutMode == CutMode.RECORD_VALUES) {
            cuts.add(input);
            return state;
        }
        long[] shape = new long[stateShape.length + 1];
        shape[0] = -1;
        System.arraycopy(stateShape, 0, shape, 1, stateShape.length);
        SDVariable cut = graph.placeHolder(namePrefix + "cut_" + cuts.size(), input.dataType(), shape);
        cuts.add(cut);
        return new GraphState(cut, origin(state) + " (cut)");
    }

    @Override
    public Scalar loss(TimeLevelLoss given, State prediction, State target) {
        TimeLevelLoss loss = orDefault(given);
        shapeChecks.add(new ShapeCheck(variable(prediction), variable(target),
                "prediction (" + origin(prediction) + ") vs target (" + origin(target) + ")"));
        return new GraphScalar(batchLoss(loss, variable(prediction), variable(target)));
    }

    private TimeLevelLoss orDefault(TimeLevelLoss loss) {
        Require.that(loss != null || defaultLoss != null, "timeLevelLoss",
                "is null (the run's default) but the training problem has no defaultLoss");
        return loss != null ? loss : defaultLoss;
    }

    /**
     * The loss over the batch; with several members side by side, one value per member (the
     * per-sample losses of each member's rows reduced on their own), shape {@code [members]}.
     */
    private SDVariable batchLoss(TimeLevelLoss loss, SDVariable prediction, SDVariable target) {
        if (lanes == 1) {
            return loss.batchLoss(lossContext, prediction, target);
        }
        SDVariable perMember = loss.perSample(lossContext, prediction, target).reshape(-1, lanes);
        return loss.batchReduction() == BatchReduction.SUM ? perMember.sum(0) : perMember.mean(0);
    }

    @Override
    public Scalar loss(TimeLevelLoss given, State residuumState) {
        TimeLevelLoss loss = orDefault(given);
        Require.that(loss.acceptsSingleInput(), "timeLevelLoss",
                "must accept a single input (a residuum); " + loss + " needs a target");
        return new GraphScalar(batchLoss(loss, variable(residuumState), null));
    }

    @Override
    public Scalar weightedSum(double[] weights, List<Scalar> terms) {
        Require.that(!terms.isEmpty(), "terms", "must not be empty");
        Require.length("weights", weights, terms.size(), "one per term");
        return new GraphScalar(weighted(weights, terms.stream().map(t -> ((GraphScalar) t).variable()).toList()));
    }

    /** {@code Σ weights[i] · values[i]} as one AddN op instead of a chain of additions: fewer ops per rollout step. */
    private SDVariable weighted(double[] weights, List<SDVariable> values) {
        SDVariable[] weighted = new SDVariable[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weighted[i] = weights[i] == 1.0 ? values.get(i) : values.get(i).mul(weights[i]);
        }
        return weighted.length == 1 ? weighted[0] : graph.math().mergeAdd(weighted);
    }

    @Override
    public State combine(double[] weights, List<State> states) {
        Require.that(!states.isEmpty(), "states", "must not be empty");
        Require.length("weights", weights, states.size(), "one per state");
        for (int i = 1; i < states.size(); i++) {
            shapeChecks.add(new ShapeCheck(variable(states.get(i)), variable(states.get(0)), "combine: state " + i
                    + " (" + origin(states.get(i)) + ") vs state 0 (" + origin(states.get(0)) + ")"));
        }
        return new GraphState(weighted(weights, states.stream().map(GraphOps::variable).toList()),
                "combination of " + origin(states.get(0)));
    }

    @Override
    public State scaleByRms(State state, State reference) {
        // a data level carries no gradient; anything else is cut first, so no gradient reaches the RMS
        State source = dataLevels.containsValue(reference) ? reference : stopGradient(reference);
        SDVariable values = variable(source);
        SDVariable rms = graph.math().sqrt(values.mul(values).mean(true, stateAxes));
        return new GraphState(variable(state).mul(rms), origin(state) + " times the RMS of " + origin(reference));
    }

    @Override
    public State normalNoise(State like) {
        SDVariable noise = perLane(request(new RandomInputs.Request(RandomInputs.Kind.NORMAL, 0)), stateShape);
        shapeChecks.add(new ShapeCheck(noise, variable(like), "normal noise vs " + origin(like)));
        return new GraphState(noise, "normal noise");
    }

    @Override
    public State randomSelect(double probability, State chosen, State otherwise) {
        SDVariable mask = perLane(request(new RandomInputs.Request(RandomInputs.Kind.BERNOULLI, probability)),
                new long[0]);
        long[] broadcast = new long[stateShape.length + 1];
        Arrays.fill(broadcast, 1);
        broadcast[0] = -1;
        SDVariable m = mask.reshape(broadcast);
        SDVariable a = variable(chosen);
        SDVariable b = variable(otherwise);
        shapeChecks.add(new ShapeCheck(a, b, "randomSelect: chosen (" + origin(chosen) + ") vs otherwise ("
                + origin(otherwise) + ")"));
        SDVariable blend = a.mul(m).add(b.mul(m.rsub(1.0)));
        return new GraphState(blend, "random selection of " + origin(chosen) + " or " + origin(otherwise));
    }

    /** The placeholder of this pass's next random input; the request checks its probability. */
    private SDVariable request(RandomInputs.Request request) {
        return randomInputs.placeholder(randomRequests++, request.kind());
    }

    @Override
    public int randomInt(int bound) {
        Require.atLeast("bound", bound, 1);
        return choices.nextInt(bound);
    }

    @Override
    public TrainingProgress progress() {
        return progress;
    }

    /** Per-sample reductions over the state axes, which the engine knows. */
    private final LossContext lossContext = new LossContext() {
        @Override
        public SameDiff graph() {
            return graph;
        }

        @Override
        public SDVariable meanPerSample(SDVariable x) {
            return x.mean(stateAxes);
        }

        @Override
        public SDVariable meanOverAll(SDVariable x) {
            return x.mean();
        }
    };

    private static SDVariable variable(State state) {
        if (!(state instanceof GraphState graphState)) {
            throw new IllegalArgumentException("state: not created by this engine's RolloutOps: " + state);
        }
        return graphState.variable();
    }

    private static String origin(State state) {
        return ((GraphState) state).origin();
    }
}
