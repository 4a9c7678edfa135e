package dev.trainax.engine;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled training problem whose program may depend on the update step: a configuration that
 * reads the progress or draws a random integer can write another program at another step. Each
 * evaluation writes the program for its step without building anything ({@link ProgramKey}) and
 * runs the graph compiled for that structure, compiling it on first use; the graphs are kept,
 * least recently used dropped beyond {@link #PROGRAMS_KEPT}. A program that asks for neither is
 * compiled once and never written again. Random inputs are drawn for each step from its seed and
 * update step. An ensemble of a {@link MemberBatchedNetwork} runs as one program with the members
 * side by side; any other network's members run one after another through one member's program:
 * one graph to build instead of one copy per member, its buffers reused by every member (ten
 * copies of the Burgers ConvNet in one graph made a ten-member step up to 12% slower than ten
 * single steps).
 */
final class ProgramCache implements Objective, EnsembleObjective {

    private static final System.Logger LOG = System.getLogger(ProgramCache.class.getName());

    /** The most compiled programs kept: each holds a graph, its gradient function and their buffers. */
    static final int PROGRAMS_KEPT = 64;

    private final TrainingProblem problem;
    private final int memberCount;
    /** Members side by side in the compiled program: all when member-batched, else 1. */
    private final int lanes;
    private final SameDiffEngine.Options options;
    /** The program at {@link TrainingProgress#START}, the only one when it does not depend on the step. */
    private final ProgramKey first;
    private final Map<List<List<Object>>, GraphObjective> programs = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** Compiles the program of the first step, which checks the problem's shapes. */
    ProgramCache(TrainingProblem problem, int memberCount, SameDiffEngine.Options options) {
        this.problem = problem;
        this.memberCount = Require.atLeast("members", memberCount, 1);
        this.lanes = memberCount > 1 && problem.network() instanceof MemberBatchedNetwork ? memberCount : 1;
        this.options = options;
        this.first = ProgramKey.write(problem.configuration(), TrainingProgress.START);
        programs.put(first.structure(), GraphObjective.compile(problem, lanes, options, TrainingProgress.START));
    }

    /** The program of {@code progress} and the graph compiled for its structure. */
    private Compiled at(TrainingProgress progress) {
        if (closed) {
            throw new IllegalStateException("objective is closed");
        }
        ProgramKey key = first.stepDependent() ? ProgramKey.write(problem.configuration(), progress) : first;
        GraphObjective graph = programs.get(key.structure());
        if (graph == null) {
            long start = System.nanoTime();
            graph = GraphObjective.compile(problem, lanes, options, progress);
            LOG.log(System.Logger.Level.DEBUG, "compiled program {0} (update step {1}) in {2} ms",
                    programs.size() + 1, progress.updateStep(), (System.nanoTime() - start) / 1_000_000);
            programs.put(key.structure(), graph);
            if (programs.size() > PROGRAMS_KEPT) {
                var eldest = programs.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
        }
        return new Compiled(graph, key);
    }

    private record Compiled(GraphObjective graph, ProgramKey key) {
    }

    /** How many programs are compiled and kept now. */
    int programsKept() {
        return programs.size();
    }

    @Override
    public DataRequirement dataRequirement() {
        return problem.configuration().dataRequirement();
    }

    @Override
    public int members() {
        return memberCount;
    }

    @Override
    public double loss(Parameters parameters, INDArray windows) {
        return loss(parameters, windows, TrainingProgress.START);
    }

    @Override
    public LossAndGradient lossAndGradient(Parameters parameters, INDArray windows) {
        return lossAndGradient(parameters, windows, TrainingProgress.START);
    }

    @Override
    public double loss(Parameters parameters, INDArray windows, TrainingProgress progress) {
        return losses(List.of(parameters), windows, progress)[0];
    }

    @Override
    public LossAndGradient lossAndGradient(Parameters parameters, INDArray windows, TrainingProgress progress) {
        return lossesAndGradients(List.of(parameters), windows, progress).get(0);
    }

    @Override
    public double[] losses(List<Parameters> parameters, INDArray windows) {
        return losses(parameters, windows, TrainingProgress.START);
    }

    /** Each member's loss at {@code progress}. */
    double[] losses(List<Parameters> parameters, INDArray windows, TrainingProgress progress) {
        Compiled compiled = at(progress);
        return inTurn(parameters).stream().flatMapToDouble(group -> Arrays.stream(
                compiled.graph().losses(group, windows, compiled.key().requests(), progress))).toArray();
    }

    @Override
    public List<LossAndGradient> lossesAndGradients(List<Parameters> parameters, INDArray windows) {
        return lossesAndGradients(parameters, windows, TrainingProgress.START);
    }

    @Override
    public List<LossAndGradient> lossesAndGradients(List<Parameters> parameters, INDArray windows,
                                                    TrainingProgress progress) {
        Compiled compiled = at(progress);
        List<LossAndGradient> results = new ArrayList<>();
        for (List<Parameters> group : inTurn(parameters)) {
            results.addAll(compiled.graph().lossesAndGradients(group, windows, compiled.key().requests(), progress));
        }
        return results;
    }

    /**
     * The parameter sets in the groups the program evaluates at once: all of them when the members
     * run side by side, else one at a time.
     */
    private List<List<Parameters>> inTurn(List<Parameters> parameters) {
        Require.that(parameters.size() == memberCount, "parameters",
                "must hold one parameter set per member (" + memberCount + "), got " + parameters.size());
        for (int k = 0; k < memberCount; k++) {
            problem.parameterTemplate().requireSameStructure(memberCount == 1 ? "parameters" : "parameters[" + k + "]",
                    parameters.get(k));
        }
        return lanes == memberCount ? List.of(parameters) : parameters.stream().map(List::of).toList();
    }

    /** Releases every compiled program. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            programs.values().forEach(GraphObjective::close);
            programs.clear();
        }
    }
}
