package dev.trainax.engine;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingProgress;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.engine.direct.DirectExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A training problem's program, as written for one {@link TrainingProgress}, compiled into one
 * SameDiff graph, for one member or for several members of a {@link MemberBatchedNetwork} (lanes):
 * parameters stacked over the members, states side by side in the batch axis and one loss per
 * member, summed into the graph's loss, so each member's gradient is its own. (Members of other
 * networks are evaluated in turn, see {@link ProgramCache}.) The program's random inputs
 * are placeholders; every evaluation is given their values ({@link RandomInputs#draw}), the same
 * for every member. {@link ProgramCache} keeps one per program structure.
 */
final class GraphObjective implements AutoCloseable {

    private static final String WINDOWS = "windows";

    /** The program's names in the graph. */
    private record Program(Map<String, String> variableNames, String loss, String valueLoss, List<String> cutInputs,
                           List<String> cutPlaceholders, RandomInputs randomInputs) {
    }

    private final SameDiff graph;
    private final DataRequirement requirement;
    private final long[] stateShape;
    private final DataType dataType;
    private final Parameters template;
    private final Program program;
    /** Members side by side: the member count when batched, else 1. */
    private final int lanes;
    /** False when cuts leave the loss independent of every parameter: the gradient is then zero. */
    private final boolean dependsOnParameters;
    private boolean closed;
    /** Direct executors per (graph, outputs); empty where the graph needs SameDiff's session. */
    private final Map<List<Object>, Optional<DirectExecutor>> executors = new HashMap<>();
    /** The engine's settings: whether and how executors run directly. */
    private final SameDiffEngine.Options options;

    private GraphObjective(SameDiff graph, DataRequirement requirement, long[] stateShape, DataType dataType,
                           Parameters template, Program program, int lanes, boolean dependsOnParameters,
                           SameDiffEngine.Options options) {
        this.lanes = lanes;
        this.graph = graph;
        this.requirement = requirement;
        this.stateShape = stateShape;
        this.dataType = dataType;
        this.template = template;
        this.program = program;
        this.dependsOnParameters = dependsOnParameters;
        this.options = options;
    }

    /**
     * Compiles the program {@code problem}'s configuration writes for {@code progress}, for
     * {@code lanes} members side by side (more than one only for a {@link MemberBatchedNetwork}).
     */
    static GraphObjective compile(TrainingProblem problem, int lanes, SameDiffEngine.Options options,
                                  TrainingProgress progress) {
        DataType type = problem.dataType();
        long[] stateShape = problem.stateShape();
        DataRequirement requirement = problem.configuration().dataRequirement();
        SameDiff graph = SameDiff.create();
        long[] windowShape = new long[stateShape.length + 2];
        windowShape[0] = -1;
        windowShape[1] = requirement.numTimeLevels();
        System.arraycopy(stateShape, 0, windowShape, 2, stateShape.length);
        SDVariable windows = graph.placeHolder(WINDOWS, type, windowShape);
        GraphStepContext referenceContext = new GraphStepContext(graph, type, stateShape, "reference", Map.of());
        GraphStepContext residuumContext = new GraphStepContext(graph, type, stateShape, "residuum", Map.of());

        Map<String, String> variableNames = new LinkedHashMap<>();
        Map<String, SDVariable> parameters = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, INDArray> entry : problem.parameterTemplate().asMap().entrySet()) {
            String variableName = "param_" + index++;
            variableNames.put(entry.getKey(), variableName);
            INDArray initial = entry.getValue().castTo(type);
            parameters.put(entry.getKey(), graph.var(variableName, lanes == 1 ? initial.dup()
                    : Nd4j.stack(0, Collections.nCopies(lanes, initial).toArray(new INDArray[0]))));
        }
        GraphStepContext networkContext = new GraphStepContext(graph, type, stateShape, "network", parameters);
        RandomInputs randomInputs = new RandomInputs(graph, "", stateShape, type);
        BiFunction<GraphOps.CutMode, String, GraphOps> pass = (mode, passPrefix) ->
                new GraphOps(mode, passPrefix, graph, windows, requirement.numTimeLevels(), stateShape,
                        problem, networkContext, referenceContext, residuumContext, lanes, progress,
                        randomInputs);

        GraphOps gradientPass = pass.apply(GraphOps.CutMode.PLACEHOLDERS, "");
        String loss = "loss";
        ((GraphOps.GraphScalar) problem.configuration().loss(gradientPass)).variable().rename(loss);
        List<String> cutInputs = new ArrayList<>();
        List<String> cutPlaceholders = new ArrayList<>();
        String valueLoss = loss;
        List<GraphOps.ShapeCheck> checks = gradientPass.shapeChecks();
        if (!gradientPass.cuts().isEmpty()) {
            GraphOps valuePass = pass.apply(GraphOps.CutMode.RECORD_VALUES, "value_");
            valueLoss = "value_loss";
            ((GraphOps.GraphScalar) problem.configuration().loss(valuePass)).variable().rename(valueLoss);
            if (valuePass.cuts().size() != gradientPass.cuts().size()) {
                throw new IllegalStateException("configuration " + problem.configuration().getClass().getName()
                        + " wrote a different program on its second run; loss(ops) must be deterministic");
            }
            valuePass.cuts().forEach(cut -> cutInputs.add(cut.name()));
            gradientPass.cuts().forEach(cut -> cutPlaceholders.add(cut.name()));
            checks = valuePass.shapeChecks();
        }
        Program program = new Program(variableNames, loss, valueLoss, cutInputs, cutPlaceholders, randomInputs);
        String total = lanes > 1 ? graph.sum("total_loss", graph.getVariable(loss)).name() : loss;
        graph.setLossVariables(total);
        boolean dependsOnParameters = dependsOnParameters(graph, total);
        GraphObjective objective = new GraphObjective(graph, requirement, stateShape, type,
                problem.parameterTemplate(), program, lanes, dependsOnParameters, options);
        objective.checkShapes(checks, progress);
        if (dependsOnParameters) {
            QuietStdout.run(graph::createGradFunction);
        }
        return objective;
    }

    /** Whether any trainable variable reaches {@code output} (cuts can leave a loss with zero gradient). */
    private static boolean dependsOnParameters(SameDiff graph, String output) {
        Deque<String> pending = new ArrayDeque<>(List.of(output));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            SDVariable variable = graph.getVariable(pending.pop());
            if (!seen.add(variable.name())) {
                continue;
            }
            if (variable.getVariableType() == VariableType.VARIABLE) {
                return true;
            }
            var op = graph.getVariableOutputOp(variable.name());
            if (op != null) {
                for (SDVariable input : op.args()) {
                    pending.push(input.name());
                }
            }
        }
        return false;
    }

    /** Runs the graph once on a zero batch of two windows and compares the recorded shapes. */
    private void checkShapes(List<GraphOps.ShapeCheck> checks, TrainingProgress progress) {
        long[] probeShape = new long[stateShape.length + 2];
        probeShape[0] = 2;
        probeShape[1] = requirement.numTimeLevels();
        System.arraycopy(stateShape, 0, probeShape, 2, stateShape.length);
        List<String> names = new ArrayList<>();
        for (GraphOps.ShapeCheck check : checks) {
            names.add(check.actual().name());
            names.add(check.expected().name());
        }
        if (names.isEmpty()) {
            return;
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(WINDOWS, Nd4j.zeros(type(), probeShape));
        // the values do not matter, only their shapes: every kind drawn with probability 0
        List<RandomInputs.Request> requests = program.randomInputs().kinds().stream()
                .map(kind -> new RandomInputs.Request(kind, 0)).toList();
        addRandomInputs(feed, RandomInputs.draw(requests, progress, 2, stateShape, dataType));
        Map<String, INDArray> values = graph.output(feed, names);
        for (GraphOps.ShapeCheck check : checks) {
            long[] actual = values.get(check.actual().name()).shape();
            long[] expected = values.get(check.expected().name()).shape();
            if (!Arrays.equals(actual, expected)) {
                throw new IllegalArgumentException("shape mismatch in " + check.what() + ": got "
                        + Arrays.toString(actual) + ", expected " + Arrays.toString(expected)
                        + " (probe batch of 2; state shape (channels, *space) = " + Arrays.toString(stateShape) + ")");
            }
        }
    }

    private DataType type() {
        return dataType;
    }

    /**
     * Each member's loss; the program's random inputs, asked for by {@code requests} in program
     * order, are drawn for {@code progress}.
     */
    double[] losses(List<Parameters> parameters, INDArray windows, List<RandomInputs.Request> requests,
                    TrainingProgress progress) {
        load(parameters);
        Map<String, INDArray> values = forward(feed(windows, requests, progress), List.of(program.valueLoss()));
        return values.get(program.valueLoss()).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    }

    /** Each member's loss and gradient; random inputs as for {@link #losses}. */
    List<LossAndGradient> lossesAndGradients(List<Parameters> parameters, INDArray windows,
                                             List<RandomInputs.Request> requests, TrainingProgress progress) {
        if (!dependsOnParameters) {
            double[] losses = losses(parameters, windows, requests, progress);
            List<LossAndGradient> results = new ArrayList<>();
            for (double loss : losses) {
                Map<String, INDArray> zeros = new LinkedHashMap<>();
                template.asMap().forEach((name, array) -> zeros.put(name, Nd4j.zeros(dataType, array.shape())));
                results.add(new LossAndGradient(loss, Parameters.of(zeros)));
            }
            return results;
        }
        load(parameters);
        Map<String, INDArray> feed = feed(windows, requests, progress);
        List<String> cutInputs = program.cutInputs();
        if (!cutInputs.isEmpty()) {
            Map<String, INDArray> values = forward(Map.copyOf(feed), cutInputs);
            for (int k = 0; k < cutInputs.size(); k++) {
                feed.put(program.cutPlaceholders().get(k), values.get(cutInputs.get(k)));
            }
        }
        OutAndGrad result = lossesAndGradients(feed, List.of(program.loss()),
                List.copyOf(program.variableNames().values()));
        INDArray memberLosses = result.getOutputs().get(program.loss()).reshape(-1);
        List<LossAndGradient> results = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Map<String, INDArray> gradient = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : program.variableNames().entrySet()) {
                INDArray part = result.getGradients().get(entry.getValue());
                // a parameter the loss does not reach has no gradient in SameDiff: it is zero; a lane's
                // gradient is a view of the stacked one, which is this call's own (as with one lane)
                gradient.put(entry.getKey(), part == null ? Nd4j.zeros(dataType, template.get(entry.getKey())
                        .shape()) : lanes == 1 ? part : part.get(NDArrayIndex.point(lane)));
            }
            results.add(new LossAndGradient(memberLosses.getDouble(lane), Parameters.of(gradient)));
        }
        return results;
    }

    /** The checked windows and the random inputs drawn for their batch. */
    private Map<String, INDArray> feed(INDArray windows, List<RandomInputs.Request> requests,
                                       TrainingProgress progress) {
        Map<String, INDArray> feed = new HashMap<>();
        INDArray prepared = prepare(windows);
        feed.put(WINDOWS, prepared);
        addRandomInputs(feed, RandomInputs.draw(requests, progress, prepared.size(0), stateShape, dataType));
        return feed;
    }

    /** Feeds {@code values} to the program's random inputs, which were requested in the same order. */
    private void addRandomInputs(Map<String, INDArray> feed, List<INDArray> values) {
        List<String> names = program.randomInputs().names();
        if (names.size() != values.size()) {
            throw new IllegalStateException("the program asks for " + names.size() + " random inputs, given "
                    + values.size());
        }
        for (int k = 0; k < values.size(); k++) {
            feed.put(names.get(k), values.get(k));
        }
    }

    /** Runs the forward graph for {@code outputs}, directly where the graph allows it. */
    private Map<String, INDArray> forward(Map<String, INDArray> feed, List<String> outputs) {
        DirectExecutor executor = executor(graph, outputs);
        return executor == null ? graph.output(feed, outputs) : executor.run(feed);
    }

    /** Losses and gradients from SameDiff's gradient function, run directly where it allows it. */
    private OutAndGrad lossesAndGradients(Map<String, INDArray> feed, List<String> losses, List<String> variables) {
        SameDiff gradient = graph.getFunction("grad");
        List<String> outputs = new ArrayList<>(losses);
        Map<String, String> gradientNames = new LinkedHashMap<>();
        for (String variable : variables) {
            SDVariable gradientVariable = graph.getVariable(variable).getGradient();
            if (gradientVariable != null) {
                gradientNames.put(variable, gradientVariable.name());
                outputs.add(gradientVariable.name());
            }
        }
        DirectExecutor executor = gradient == null ? null : executor(gradient, outputs);
        if (executor == null) {
            return graph.calculateGradientsAndOutputs(feed, losses, variables);
        }
        Map<String, INDArray> values = executor.run(feed);
        Map<String, INDArray> lossValues = new HashMap<>();
        losses.forEach(loss -> lossValues.put(loss, values.get(loss)));
        Map<String, INDArray> gradients = new HashMap<>();
        gradientNames.forEach((variable, name) -> gradients.put(variable, values.get(name)));
        return new OutAndGrad(lossValues, gradients);
    }

    /** The direct executor of {@code outputs} of {@code target}, built once; null where SameDiff must run it. */
    private DirectExecutor executor(SameDiff target, List<String> outputs) {
        return executors.computeIfAbsent(List.of(target, outputs),
                key -> Optional.ofNullable(options.executor(target, outputs))).orElse(null);
    }

    /** Copies parameter values into the graph's own arrays, in place (replacing arrays breaks SameDiff). */
    private void load(List<Parameters> parameters) {
        if (closed) {
            throw new IllegalStateException("objective is closed");
        }
        if (parameters.size() != lanes) {
            throw new IllegalStateException("the program runs " + lanes + " members at once, given "
                    + parameters.size() + " parameter sets");
        }
        program.variableNames().forEach((name, variable) -> {
            INDArray array = graph.getVariable(variable).getArr();
            if (lanes == 1) {
                array.assign(parameters.get(0).get(name));
            } else {
                stackInto(array, parameters.stream().map(values -> values.get(name)).toArray(INDArray[]::new));
            }
        });
    }

    /**
     * The members' values of one parameter into its stacked array {@code [members, …]}: one
     * {@code stack} op (a view and an assign per member made an ensemble step of ten quickstart
     * networks 6-12% slower in three interleaved pairs), or per member where the types differ.
     */
    private static void stackInto(INDArray stacked, INDArray[] values) {
        if (Arrays.stream(values).allMatch(value -> value.dataType() == stacked.dataType())) {
            Nd4j.exec(DynamicCustomOp.builder("stack").addInputs(values).addOutputs(stacked).addIntegerArguments(0)
                    .build());
        } else {
            for (int lane = 0; lane < values.length; lane++) {
                stacked.get(NDArrayIndex.point(lane)).assign(values[lane]);
            }
        }
    }

    /** Validates a batch of windows and brings it to the graph's time levels and type. */
    private INDArray prepare(INDArray windows) {
        long[] shape = windows.shape();
        String expected = "(batch, ≥" + requirement.numTimeLevels() + " time levels, "
                + Arrays.toString(stateShape).replaceAll("[\\[\\]]", "") + ")";
        if (shape.length != stateShape.length + 2
                || !Arrays.equals(Arrays.copyOfRange(shape, 2, shape.length), stateShape) || shape[0] < 1) {
            throw new IllegalArgumentException("windows: must have shape " + expected + ", got "
                    + Arrays.toString(shape));
        }
        if (shape[1] < requirement.numTimeLevels()) {
            throw new IllegalArgumentException("windows: the configuration needs " + requirement.numTimeLevels()
                    + " time levels per window (the rollout is longer than the data), got " + shape[1]);
        }
        if (!windows.dataType().isFPType()) {
            throw new IllegalArgumentException("windows: must hold floating-point values, got " + windows.dataType());
        }
        double total = windows.sumNumber().doubleValue();
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("windows: contains NaN or infinite values");
        }
        INDArray levels = shape[1] == requirement.numTimeLevels() ? windows
                : windows.get(NDArrayIndex.all(), NDArrayIndex.interval(0, requirement.numTimeLevels()));
        return levels == windows && windows.dataType() == dataType ? windows : levels.castTo(dataType).dup();
    }

    /**
     * Releases the direct executors' native op contexts; SameDiff has no explicit release, so a
     * closed objective refuses further use and its arrays can be collected.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            executors.values().forEach(executor -> executor.ifPresent(DirectExecutor::close));
            executors.clear();
        }
    }
}
