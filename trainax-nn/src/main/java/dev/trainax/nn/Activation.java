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
    /**
     * Gaussian error linear unit in the tanh approximation, {@code jax.nn.gelu}'s default:
     * {@code x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, written as the equal
     * {@code x·sigmoid(2√(2/π)·x·(1 + 0.044715·x²))}. ND4J's own {@code gelu} is the sigmoid
     * approximation {@code x·sigmoid(1.702·x)}, which differs by up to 0.02.
     */
    GELU((g, x) -> x.mul(g.nn().sigmoid(x.mul(g.math().square(x).mul(GeluConstants.CUBIC).add(GeluConstants.LINEAR))))),
    /** x. */
    IDENTITY((g, x) -> x);

    /** The tanh approximation's coefficients as a sigmoid's: {@code 2√(2/π)} and {@code 2√(2/π)·0.044715}. */
    private static final class GeluConstants {
        static final double LINEAR = 2 * Math.sqrt(2 / Math.PI);
        static final double CUBIC = LINEAR * 0.044715;
    }

    private final BiFunction<SameDiff, SDVariable, SDVariable> function;

    Activation(BiFunction<SameDiff, SDVariable, SDVariable> function) {
        this.function = function;
    }

    /** Applies the activation in {@code graph}. */
    public SDVariable apply(SameDiff graph, SDVariable x) {
        return function.apply(graph, x);
    }
}
