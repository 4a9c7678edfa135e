package dev.trainax.nn;

import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Elementwise activations for hidden layers. */
public enum Activation {
    /** max(0, x). */
    RELU((g, x) -> g.nn().relu(x, 0)),
    /** tanh(x). */
    TANH((g, x) -> g.math().tanh(x)),
    /** x·sigmoid(x). */
    SWISH((g, x) -> g.nn().swish(x)),
    /** exponential linear unit. */
    ELU((g, x) -> g.nn().elu(x)),
    /** x. */
    IDENTITY((g, x) -> x);

    private final BiFunction<SameDiff, SDVariable, SDVariable> function;

    Activation(BiFunction<SameDiff, SDVariable, SDVariable> function) {
        this.function = function;
    }

    /** Applies the activation in {@code graph}. */
    public SDVariable apply(SameDiff graph, SDVariable x) {
        return function.apply(graph, x);
    }
}
