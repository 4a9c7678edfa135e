package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;

/**
 * A legacy mean or sum (SameDiff's {@code mean} and {@code sum}) as the custom op of the same
 * name, which reduces by the same kernel: ND4J's legacy-op path cost 6 us a call against 2 us
 * for a loss's 960 floats.
 */
final class CustomReduction implements Replacement {

    private static final Set<String> REDUCTIONS = Set.of("reduce_mean", "reduce_sum");

    private final BaseReduceOp reduction;

    private CustomReduction(BaseReduceOp reduction) {
        this.reduction = reduction;
    }

    /** The replacement for {@code op}, or null if it is not a legacy mean or sum. */
    static CustomReduction of(DifferentialFunction op) {
        return op instanceof BaseReduceOp reduce && !(op instanceof CustomOp) && reduce.getOpType() != Op.Type.REDUCE3
                && REDUCTIONS.contains(op.opName()) ? new CustomReduction(reduce) : null;
    }

    /**
     * The custom op over the legacy op's current axes (all when it has none) into
     * {@code outputs[0]}; null for an empty reduction or if the custom op's output shape differs.
     */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (reduction.isEmptyReduce()) {
            return null;
        }
        INDArray axes = reduction.dimensions();
        int[] dimensions = axes == null || axes.isEmpty() ? new int[0] : axes.toIntVector();
        if (Arrays.stream(dimensions).anyMatch(axis -> axis == Integer.MAX_VALUE)) {
            dimensions = new int[0];
        }
        DynamicCustomOp custom = DynamicCustomOp.builder(reduction.opName()).addInputs(arguments[0])
                .addOutputs(outputs[0]).addIntegerArguments(dimensions)
                .addBooleanArguments(reduction.isKeepDims()).build();
        boolean sameShape = Arrays.equals(custom.calculateOutputShape().get(0).getShape(), outputs[0].shape());
        return sameShape ? List.of(custom) : null;
    }
}
