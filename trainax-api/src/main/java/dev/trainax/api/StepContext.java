package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What a stepper or residuum sees while it adds its operations to the engine's graph. */
@API(status = STABLE, since = "0.1")
public interface StepContext {

    /** The graph being built. */
    SameDiff graph();

    /** The floating-point type of states and parameters in this graph. */
    DataType dataType();

    /**
     * The shape of one state, {@code (channels, *space)} without the batch axis, as the engine
     * compiled it: for steppers whose graph depends on static sizes (a network that pads once for
     * all its layers, say).
     */
    long[] stateShape();

    /**
     * A trainable parameter by name, shared by every application in the graph.
     *
     * @throws IllegalArgumentException if no parameter of that name exists (reference steppers and residua have none)
     */
    SDVariable parameter(String name);

    /**
     * A constant of the graph, created once per key and shared by every application; it is cast
     * to {@link #dataType()}. Reference steppers and residua keep their fixed arrays here.
     */
    SDVariable constant(String key, INDArray value);

    /**
     * A value derived from parameters or constants (a transposed weight, say), defined once per key
     * and shared by every application in the graph, so that a rollout does not repeat it per step.
     */
    SDVariable derived(String key, Supplier<SDVariable> definition);
}
