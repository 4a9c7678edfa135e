package dev.trainax.testkit;

import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.State;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@link RolloutOps} that compute nothing and record what a configuration's program does: the data
 * levels it reads, whether it applies the reference stepper or a residuum, and the whole sequence
 * of operations, so that the kit can check a program against its declared data requirement
 * without any engine. It answers {@link #progress()} with a given progress and every
 * {@link #randomInt} with its smallest or its largest value, so that the kit can record the
 * shortest and the longest program of a stochastic configuration.
 */
final class RecordingOps implements RolloutOps {

    private record Recorded(int id) implements State, Scalar {
    }

    private final List<String> trace = new ArrayList<>();
    private final TreeSet<Integer> levels = new TreeSet<>();
    private int referenceCalls;
    private int residuumCalls;
    private final TrainingProgress progress;
    private final boolean largestChoices;

    /** Records the program at {@link TrainingProgress#START} with the smallest random choices. */
    RecordingOps() {
        this(TrainingProgress.START, false);
    }

    /** Records the program at {@code progress}, with the largest random choices if {@code largestChoices}. */
    RecordingOps(TrainingProgress progress, boolean largestChoices) {
        this.progress = progress;
        this.largestChoices = largestChoices;
    }

    /** Every operation in program order, with its operands. */
    List<String> trace() {
        return trace;
    }

    /** The data levels read, ascending. */
    TreeSet<Integer> levels() {
        return levels;
    }

    int referenceCalls() {
        return referenceCalls;
    }

    int residuumCalls() {
        return residuumCalls;
    }

    private Recorded record(String operation) {
        trace.add(operation);
        return new Recorded(trace.size() - 1);
    }

    private static int id(Object handle) {
        if (!(handle instanceof Recorded recorded)) {
            throw new IllegalArgumentException("a state or scalar not created by these RolloutOps: " + handle);
        }
        return recorded.id();
    }

    @Override
    public State data(int timeLevel) {
        levels.add(timeLevel);
        return record("data " + timeLevel);
    }

    @Override
    public State network(State state) {
        return record("network #" + id(state));
    }

    @Override
    public State reference(State state) {
        referenceCalls++;
        return record("reference #" + id(state));
    }

    @Override
    public State residuum(State next, State previous) {
        residuumCalls++;
        return record("residuum #" + id(next) + " #" + id(previous));
    }

    @Override
    public State stopGradient(State state) {
        return record("stopGradient #" + id(state));
    }

    @Override
    public Scalar loss(TimeLevelLoss loss, State prediction, State target) {
        return record("loss " + loss + " #" + id(prediction) + " #" + id(target));
    }

    @Override
    public Scalar loss(TimeLevelLoss loss, State residuum) {
        return record("loss " + loss + " #" + id(residuum));
    }

    @Override
    public Scalar weightedSum(double[] weights, List<Scalar> terms) {
        return record(weighted("weightedSum", weights, terms));
    }

    /** {@code operation w₀·#id₀ w₁·#id₁ …}, NaN for a missing weight. */
    private static String weighted(String operation, double[] weights, List<?> handles) {
        StringBuilder text = new StringBuilder(operation);
        for (int i = 0; i < handles.size(); i++) {
            text.append(' ').append(i < weights.length ? weights[i] : Double.NaN).append("·#").append(id(handles.get(i)));
        }
        return text.toString();
    }

    @Override
    public State combine(double[] weights, List<State> states) {
        return record(weighted("combine", weights, states));
    }

    @Override
    public State scaleByRms(State state, State reference) {
        return record("scaleByRms #" + id(state) + " #" + id(reference));
    }

    @Override
    public State normalNoise(State like) {
        return record("normalNoise #" + id(like));
    }

    @Override
    public State randomSelect(double probability, State chosen, State otherwise) {
        return record("randomSelect " + probability + " #" + id(chosen) + " #" + id(otherwise));
    }

    @Override
    public int randomInt(int bound) {
        int choice = largestChoices ? bound - 1 : 0;
        trace.add("randomInt " + bound + " → " + choice);
        return choice;
    }

    @Override
    public TrainingProgress progress() {
        return progress;
    }
}
