package dev.trainax.engine;

import dev.trainax.api.Configuration;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link RolloutOps} that build nothing and record a program as a configuration writes it for one
 * {@link TrainingProgress}: its structure (every operation with what shapes the graph: data levels,
 * weights, losses), which is the key of its compiled graph, and its random requests, whose
 * probabilities are values rather than structure. {@link #randomInt} answers exactly as
 * {@link GraphOps} does for the same progress.
 */
final class ProgramKey implements RolloutOps {

    private record Handle(int id) implements State, Scalar {
    }

    private final List<List<Object>> structure = new ArrayList<>();
    private final List<RandomInputs.Request> requests = new ArrayList<>();
    private final TrainingProgress progress;
    private final SplittableRandom choices;
    private boolean stepDependent;

    private ProgramKey(TrainingProgress progress) {
        this.progress = progress;
        this.choices = StepRandomness.choices(progress);
    }

    /** The program {@code configuration} writes for {@code progress}. */
    static ProgramKey write(Configuration configuration, TrainingProgress progress) {
        ProgramKey key = new ProgramKey(progress);
        configuration.loss(key);
        return key;
    }

    /** The program's operations in order: equal for programs that compile to the same graph. */
    List<List<Object>> structure() {
        return structure;
    }

    /** The random inputs the program asks for, in program order. */
    List<RandomInputs.Request> requests() {
        return requests;
    }

    /**
     * Whether the program asked for the progress or a random integer: only then may another update
     * step give another program.
     */
    boolean stepDependent() {
        return stepDependent;
    }

    private Handle record(Object... operation) {
        structure.add(Arrays.asList(operation));
        return new Handle(structure.size() - 1);
    }

    private static int id(Object handle) {
        if (!(handle instanceof Handle recorded)) {
            throw new IllegalArgumentException("state: not created by this engine's RolloutOps: " + handle);
        }
        return recorded.id();
    }

    private static List<Integer> ids(List<?> handles) {
        return handles.stream().map(ProgramKey::id).toList();
    }

    private static List<Double> boxed(double[] values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }

    @Override
    public State data(int timeLevel) {
        return record("data", timeLevel);
    }

    @Override
    public State network(State state) {
        return record("network", id(state));
    }

    @Override
    public State reference(State state) {
        return record("reference", id(state));
    }

    @Override
    public State residuum(State next, State previous) {
        return record("residuum", id(next), id(previous));
    }

    @Override
    public State stopGradient(State state) {
        return record("stopGradient", id(state));
    }

    @Override
    public Scalar loss(TimeLevelLoss loss, State prediction, State target) {
        return record("loss", loss, id(prediction), id(target));
    }

    @Override
    public Scalar loss(TimeLevelLoss loss, State residuum) {
        return record("loss", loss, id(residuum));
    }

    @Override
    public Scalar weightedSum(double[] weights, List<Scalar> terms) {
        return record("weightedSum", boxed(weights), ids(terms));
    }

    @Override
    public State combine(double[] weights, List<State> states) {
        return record("combine", boxed(weights), ids(states));
    }

    @Override
    public State scaleByRms(State state, State reference) {
        return record("scaleByRms", id(state), id(reference));
    }

    @Override
    public State normalNoise(State like) {
        requests.add(new RandomInputs.Request(RandomInputs.Kind.NORMAL, 0));
        return record("normalNoise", id(like));
    }

    @Override
    public State randomSelect(double probability, State chosen, State otherwise) {
        requests.add(new RandomInputs.Request(RandomInputs.Kind.BERNOULLI, probability));
        return record("randomSelect", id(chosen), id(otherwise));
    }

    @Override
    public int randomInt(int bound) {
        Require.atLeast("bound", bound, 1);
        stepDependent = true;
        return choices.nextInt(bound);
    }

    @Override
    public TrainingProgress progress() {
        stepDependent = true;
        return progress;
    }
}
