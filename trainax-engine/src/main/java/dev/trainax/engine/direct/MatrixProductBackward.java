package dev.trainax.engine.direct;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;

/**
 * The backward pass of {@code matmul} ({@code matmul_bp}) for (batched) matrices, as the two
 * {@code matmul} calls the op makes itself, each only if its gradient is read. A network's first
 * layer takes no gradient for its input (the batch), and a constant factor none at all: half of
 * such an op's work. Even both products on their own cost less than {@code matmul_bp} with its
 * own argument handling (15 against 2 x 6 us for 32 x 30 matrices).
 */
final class MatrixProductBackward implements Replacement {

    private final long[] integerArguments;

    private MatrixProductBackward(long[] integerArguments) {
        this.integerArguments = integerArguments;
    }

    /** The replacement for {@code op}, or null if it is not {@code matmul_bp}. */
    static MatrixProductBackward of(DifferentialFunction op) {
        // alpha and beta (floating-point arguments) are left to the op: SameDiff's products set none
        return op instanceof MmulBp product && product.tArgs().length == 0
                ? new MatrixProductBackward(product.iArgs()) : null;
    }

    /**
     * For {@code z = op(x) · op(y)} (transposes and transposed result by the integer arguments):
     * {@code dL/dx} as the product of {@code dL/dz} and {@code y}, {@code dL/dy} as that of
     * {@code x} and {@code dL/dz}, each with the transposes {@code matmul_bp} gives them; null
     * for vectors and a scalar output gradient, which {@code matmul_bp} treats apart.
     */
    @Override
    public List<DynamicCustomOp> ops(INDArray[] arguments, INDArray[] outputs, boolean[] outputsRead) {
        INDArray x = arguments[0];
        INDArray y = arguments[1];
        INDArray gradient = arguments[2];
        if (x.rank() < 2 || y.rank() < 2 || gradient.rank() < 2) {
            return null;
        }
        int transposeX = argument(0);
        int transposeY = argument(1);
        int transposeZ = argument(2);
        List<DynamicCustomOp> ops = new ArrayList<>();
        if (outputsRead[0]) {
            ops.add(product(gradient, y, outputs[0], transposeZ, flip(transposeY), transposeX));
        }
        if (outputsRead[1]) {
            ops.add(product(x, gradient, outputs[1], flip(transposeX), transposeZ, transposeY));
        }
        return ops;
    }

    private static DynamicCustomOp product(INDArray left, INDArray right, INDArray output, int transposeLeft,
                                           int transposeRight, int transposeResult) {
        return DynamicCustomOp.builder("matmul").addInputs(left, right).addOutputs(output)
                .addIntegerArguments(transposeLeft, transposeRight, transposeResult).build();
    }

    private int argument(int index) {
        return integerArguments.length > index ? (int) integerArguments[index] : 0;
    }

    private static int flip(int flag) {
        return flag == 0 ? 1 : 0;
    }
}
