package dev.trainax.engine;

import dev.trainax.api.StepContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The step context of one stepper (network, reference or residuum) inside a graph. */
final class GraphStepContext implements StepContext {

    private final SameDiff graph;
    private final DataType dataType;
    private final String namespace;
    private final long[] stateShape;
    private final Map<String, SDVariable> parameters;
    private final Map<String, SDVariable> constants = new HashMap<>();
    private final Map<String, SDVariable> derived = new HashMap<>();

    GraphStepContext(SameDiff graph, DataType dataType, long[] stateShape, String namespace,
                     Map<String, SDVariable> parameters) {
        this.graph = graph;
        this.dataType = dataType;
        this.stateShape = stateShape.clone();
        this.namespace = namespace;
        this.parameters = parameters;
    }

    @Override
    public SameDiff graph() {
        return graph;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public long[] stateShape() {
        return stateShape.clone();
    }

    @Override
    public SDVariable parameter(String name) {
        SDVariable variable = parameters.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not defined for the " + namespace
                    + "; known: " + parameters.keySet());
        }
        return variable;
    }

    @Override
    public SDVariable constant(String key, INDArray value) {
        return constants.computeIfAbsent(key, k -> graph.constant(
                namespace + "_const_" + constants.size(), value.castTo(dataType).dup()));
    }

    @Override
    public SDVariable derived(String key, Supplier<SDVariable> definition) {
        SDVariable value = derived.get(key);
        if (value == null) {
            value = definition.get();
            derived.put(key, value);
        }
        return value;
    }
}
