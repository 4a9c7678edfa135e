package dev.trainax.engine.direct;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * A cheaper way to run one op of a graph: the same arithmetic as other ND4J ops (or a native
 * library's primitives) on the op's own arguments and outputs, planned once per set of arrays
 * ({@link PlannedOps}). Outputs no later op reads are not computed.
 */
interface Replacement {

    /**
     * The ops that write the read outputs ({@code outputsRead}) of the replaced op from
     * {@code arguments}, or null if these arrays do not fit the replacement (then the op runs).
     */
    List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead);

    /**
     * The calls that write the read outputs, bound to these arrays, or null if the arrays do not
     * fit: {@link #ops}, each with a context of its own, unless the replacement calls a native
     * library.
     */
    default List<PlannedCall> calls(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        List<DynamicCustomOp> ops = ops(arguments, outputs, outputsRead);
        return ops == null ? null : ops.stream().map(PlannedCall::of).toList();
    }

    /** The replacement for {@code op}, or null if it has none. */
    static Replacement of(DifferentialFunction op) {
        List<Function<DifferentialFunction, Replacement>> kinds = List.of(ConvolutionBackward::of,
                ConvolutionForward::of, Relu::of, Concatenation::of, Permutation::of, BroadcastProductBackward::of, MatrixProductBackward::of,
                MatrixProduct::of, SquaredDifferenceBackward::of, CustomReduction::of, SliceCopy::of);
        return kinds.stream().map(kind -> kind.apply(op)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The copy of {@code source} into {@code destination} (ND4J's {@code assign}; oneDNN's where {@link PlannedCall#of} can). */
    static DynamicCustomOp copy(INDArray source, INDArray destination) {
        return DynamicCustomOp.builder("assign").addInputs(destination, source).addOutputs(destination).build();
    }

    /** The element-wise (broadcasting) op {@code name} of {@code a} and {@code b} into {@code output}. */
    static DynamicCustomOp elementwise(String name, INDArray a, INDArray b, INDArray output) {
        return DynamicCustomOp.builder(name).addInputs(a, b).addOutputs(output).build();
    }
}
