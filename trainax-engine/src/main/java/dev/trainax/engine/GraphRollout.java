package dev.trainax.engine;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.StateShapes;
import dev.trainax.engine.direct.DirectExecutor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stepper application compiled into a forward-only SameDiff graph, run by a
 * {@link DirectExecutor} where the graph allows it.
 */
final class GraphRollout implements Rollout {

    private static final String STATE = "state";

    private final SameDiff graph;
    private final String output;
    private final long[] stateShape;
    private final DataType dataType;
    private final DirectExecutor executor;

    GraphRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType,
                 SameDiffEngine.Options options) {
        Require.present("stepper", stepper);
        Require.present("parameters", parameters);
        StateShapes.require("stateShape", stateShape);
        stepper.checkState(stateShape.clone());
        this.stateShape = stateShape.clone();
        this.dataType = dataType;
        this.graph = SameDiff.create();
        long[] shape = new long[stateShape.length + 1];
        shape[0] = -1;
        System.arraycopy(stateShape, 0, shape, 1, stateShape.length);
        SDVariable state = graph.placeHolder(STATE, dataType, shape);
        Map<String, SDVariable> variables = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, INDArray> entry : parameters.asMap().entrySet()) {
            variables.put(entry.getKey(), graph.constant("param_" + index++, entry.getValue().castTo(dataType).dup()));
        }
        this.output = stepper.apply(new GraphStepContext(graph, dataType, stateShape, "stepper", variables), state).name();
        this.executor = options.executor(graph, List.of(output));
    }

    @Override
    public INDArray step(INDArray states) {
        long[] shape = states.shape();
        if (shape.length != stateShape.length + 1
                || !Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), stateShape)) {
            throw new IllegalArgumentException("states must have shape (batch, "
                    + Arrays.toString(stateShape).replaceAll("[\\[\\]]", "") + "), got " + Arrays.toString(shape));
        }
        INDArray input = states.dataType() == dataType ? states : states.castTo(dataType);
        INDArray next = executor == null ? graph.outputSingle(Map.of(STATE, input), output)
                : executor.run(Map.of(STATE, input)).get(output);
        if (!Arrays.equals(next.shape(), shape)) {
            throw new IllegalArgumentException("stepper output must keep the state shape " + Arrays.toString(shape)
                    + ", got " + Arrays.toString(next.shape()));
        }
        return next;
    }
}
