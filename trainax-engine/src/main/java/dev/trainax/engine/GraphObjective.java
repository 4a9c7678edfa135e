package dev.trainax.engine;

import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A training problem compiled into one SameDiff graph. */
final class GraphObjective implements Objective {

    private static final String WINDOWS = "windows";
    private static final String LOSS = "loss";
    private static final String VALUE_LOSS = "value_loss";

    private final SameDiff graph;
    private final DataRequirement requirement;
    private final long[] stateShape;
    private final DataType dataType;
    /** Parameter name → graph variable name, in parameter order. */
    private final Map<String, String> variableNames;
    private final Parameters template;
    /** Names of the value-pass variables whose values feed the gradient pass's cut placeholders, in order. */
    private final List<String> cutInputs;
    /** The loss of the pass without placeholders, for forward-only evaluation. */
    private final String valueLoss;
    /** False when cuts leave the loss independent of every parameter: the gradient is then zero. */
    private final boolean dependsOnParameters;
    private boolean closed;

    private GraphObjective(SameDiff graph, DataRequirement requirement, long[] stateShape, DataType dataType,
                           Map<String, String> variableNames, Parameters template, List<String> cutInputs,
                           String valueLoss, boolean dependsOnParameters) {
        this.graph = graph;
        this.requirement = requirement;
        this.stateShape = stateShape;
        this.dataType = dataType;
        this.variableNames = variableNames;
        this.template = template;
        this.cutInputs = List.copyOf(cutInputs);
        this.valueLoss = valueLoss;
        this.dependsOnParameters = dependsOnParameters;
    }

    static GraphObjective compile(TrainingProblem problem) {
        DataType type = problem.dataType();
        long[] stateShape = problem.stateShape();
        DataRequirement requirement = problem.configuration().dataRequirement();
        SameDiff graph = SameDiff.create();
        long[] windowShape = new long[stateShape.length + 2];
        windowShape[0] = -1;
        windowShape[1] = requirement.numTimeLevels();
        System.arraycopy(stateShape, 0, windowShape, 2, stateShape.length);
        SDVariable windows = graph.placeHolder(WINDOWS, type, windowShape);

        Map<String, String> variableNames = new LinkedHashMap<>();
        Map<String, SDVariable> parameters = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, INDArray> entry : problem.parameterTemplate().asMap().entrySet()) {
            String variableName = "param_" + index++;
            variableNames.put(entry.getKey(), variableName);
            parameters.put(entry.getKey(), graph.var(variableName, entry.getValue().castTo(type).dup()));
        }
        GraphStepContext networkContext = new GraphStepContext(graph, type, "network", parameters);
        GraphStepContext referenceContext = new GraphStepContext(graph, type, "reference", Map.of());
        GraphStepContext residuumContext = new GraphStepContext(graph, type, "residuum", Map.of());
        java.util.function.Function<GraphOps.CutMode, GraphOps> pass = mode -> new GraphOps(mode, graph, windows,
                requirement.numTimeLevels(), stateShape, problem.network(), networkContext,
                problem.referenceStepper().orElse(null), referenceContext, problem.residuum().orElse(null),
                residuumContext);

        GraphOps gradientPass = pass.apply(GraphOps.CutMode.PLACEHOLDERS);
        ((GraphOps.GraphScalar) problem.configuration().loss(gradientPass)).variable().rename(LOSS);
        graph.setLossVariables(LOSS);
        List<String> cutInputs = new ArrayList<>();
        String valueLoss = LOSS;
        List<GraphOps.ShapeCheck> checks = gradientPass.shapeChecks();
        if (!gradientPass.cuts().isEmpty()) {
            GraphOps valuePass = pass.apply(GraphOps.CutMode.RECORD_VALUES);
            ((GraphOps.GraphScalar) problem.configuration().loss(valuePass)).variable().rename(VALUE_LOSS);
            if (valuePass.cuts().size() != gradientPass.cuts().size()) {
                throw new IllegalStateException("configuration " + problem.configuration().getClass().getName()
                        + " wrote a different program on its second run; loss(ops) must be deterministic");
            }
            valuePass.cuts().forEach(cut -> cutInputs.add(cut.name()));
            valueLoss = VALUE_LOSS;
            checks = valuePass.shapeChecks();
        }
        boolean dependsOnParameters = dependsOnParameters(graph, LOSS);
        GraphObjective objective = new GraphObjective(graph, requirement, stateShape, type, variableNames,
                problem.parameterTemplate(), cutInputs, valueLoss, dependsOnParameters);
        objective.checkShapes(checks);
        if (dependsOnParameters) {
            QuietStdout.run(graph::createGradFunction);
        }
        return objective;
    }

    /** Whether any trainable variable reaches {@code output} (cuts can leave a loss with zero gradient). */
    private static boolean dependsOnParameters(SameDiff graph, String output) {
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(output));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            SDVariable variable = graph.getVariable(pending.pop());
            if (!seen.add(variable.name())) {
                continue;
            }
            if (variable.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
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

    /** Runs the graph once on a zero batch of one window and compares the recorded shapes. */
    private void checkShapes(List<GraphOps.ShapeCheck> checks) {
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
        Map<String, INDArray> values = graph.output(Map.of(WINDOWS, Nd4j.zeros(type(), probeShape)), names);
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

    @Override
    public DataRequirement dataRequirement() {
        return requirement;
    }

    @Override
    public double loss(Parameters parameters, INDArray windows) {
        load(parameters);
        return graph.output(Map.of(WINDOWS, prepare(windows)), valueLoss).get(valueLoss).getDouble(0);
    }

    @Override
    public LossAndGradient lossAndGradient(Parameters parameters, INDArray windows) {
        if (!dependsOnParameters) {
            double loss = loss(parameters, windows);
            Map<String, INDArray> zeros = new LinkedHashMap<>();
            template.asMap().forEach((name, array) -> zeros.put(name, Nd4j.zeros(dataType, array.shape())));
            return new LossAndGradient(loss, Parameters.of(zeros));
        }
        load(parameters);
        Map<String, INDArray> feed = new java.util.HashMap<>();
        feed.put(WINDOWS, prepare(windows));
        if (!cutInputs.isEmpty()) {
            Map<String, INDArray> values = graph.output(Map.of(WINDOWS, feed.get(WINDOWS)), cutInputs);
            for (int k = 0; k < cutInputs.size(); k++) {
                feed.put(GraphOps.cutName(k), values.get(cutInputs.get(k)));
            }
        }
        OutAndGrad result = graph.calculateGradientsAndOutputs(feed, List.of(LOSS), variableNames.values());
        double loss = result.getOutputs().get(LOSS).getDouble(0);
        Map<String, INDArray> gradient = new LinkedHashMap<>();
        variableNames.forEach((name, variable) -> {
            INDArray part = result.getGradients().get(variable);
            // a parameter the loss does not reach has no gradient in SameDiff: it is zero
            gradient.put(name, part != null ? part : Nd4j.zeros(dataType, template.get(name).shape()));
        });
        return new LossAndGradient(loss, Parameters.of(gradient));
    }

    /** Copies parameter values into the graph's own arrays, in place (replacing arrays breaks SameDiff). */
    private void load(Parameters parameters) {
        if (closed) {
            throw new IllegalStateException("objective is closed");
        }
        template.requireSameStructure("parameters", parameters);
        variableNames.forEach((name, variable) -> graph.getVariable(variable).getArr().assign(parameters.get(name)));
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

    /** SameDiff has no explicit release; a closed objective refuses further use so its arrays can be collected. */
    @Override
    public void close() {
        closed = true;
    }
}
