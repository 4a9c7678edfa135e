package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;

/**
 * A forward {@code matmul} of (batched) matrices as one planned call: oneDNN's matrix product
 * where it runs and the arrays are float32 ({@link PlannedCall#of}), else the op bound to its
 * arrays once.
 */
final class MatrixProduct implements Replacement {

    private final int[] integerArguments;

    private MatrixProduct(long[] integerArguments) {
        this.integerArguments = Arrays.stream(integerArguments).mapToInt(Math::toIntExact).toArray();
    }

    /** The replacement for {@code op}, or null unless it is {@code matmul} with alpha 1 and beta 0 (or none given). */
    static MatrixProduct of(DifferentialFunction op) {
        return op instanceof Mmul product && plain(product.tArgs()) ? new MatrixProduct(product.iArgs()) : null;
    }

    /** Whether {@code matmul}'s floating-point arguments (alpha, beta) leave the product as it is. */
    static boolean plain(double[] alphaBeta) {
        return alphaBeta.length == 0 || alphaBeta.length == 2 && alphaBeta[0] == 1.0 && alphaBeta[1] == 0.0;
    }

    /** The product itself, on these arrays; null for vectors, which {@code matmul} treats apart. */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        if (arguments.length != 2 || arguments[0].rank() < 2 || arguments[1].rank() < 2) {
            return null;
        }
        return List.of(DynamicCustomOp.builder("matmul").addInputs(arguments).addOutputs(outputs[0])
                .addIntegerArguments(integerArguments).build());
    }
}
