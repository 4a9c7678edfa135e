package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.Arrays;
import java.util.stream.Stream;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code matmul} ({@code z = op(x) · op(y)}, each operand and the result optionally transposed)
 * of float32 matrices or equal-sized batches of them, through oneDNN's matrix-product primitive
 * on the arrays themselves, views included: transposes are strides. ND4J's op costs 8-9 us a call
 * for 32 x 60 by 60 x 60 against 3 us, and 28-31 us for ten 32 x 30 by 30 x 30 products (an
 * ensemble's batched layer) against 7-8 us.
 */
final class OneDnnMatrixProduct extends OneDnnCall {

    private OneDnnMatrixProduct(INDArray x, INDArray y, INDArray z, boolean transposeX, boolean transposeY,
                                boolean transposeZ) {
        super(OneDnn.engine());
        memory.desc left = strided(x, transposeX);
        memory.desc right = strided(y, transposeY);
        memory.desc result = strided(z, transposeZ);
        matmul.primitive_desc plan = hold(new matmul.primitive_desc(hold(new matmul.desc(left, right, result)), cpu));
        add(new matmul(plan), new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST}, on(left, x), on(right, y),
                on(result, z));
    }

    /**
     * The call for {@code z = op(x) · op(y)}, or null where oneDNN does not run, an array is not
     * float32, the ranks differ or are below 2, or the shapes do not multiply into {@code z}'s.
     */
    static OneDnnMatrixProduct of(INDArray x, INDArray y, INDArray z, boolean transposeX, boolean transposeY,
                                  boolean transposeZ) {
        if (OneDnn.engine() == null || !Stream.of(x, y, z).allMatch(array -> array.dataType() == DataType.FLOAT
                && array.rank() == z.rank() && array.rank() >= 2 && !array.isEmpty())) {
            return null;
        }
        long[] left = logical(x.shape(), transposeX);
        long[] right = logical(y.shape(), transposeY);
        long[] result = logical(z.shape(), transposeZ);
        int rank = z.rank();
        boolean multiply = left[rank - 1] == right[rank - 2] && result[rank - 2] == left[rank - 2]
                && result[rank - 1] == right[rank - 1]
                && Arrays.equals(left, 0, rank - 2, result, 0, rank - 2)
                && Arrays.equals(right, 0, rank - 2, result, 0, rank - 2);
        return multiply ? new OneDnnMatrixProduct(x, y, z, transposeX, transposeY, transposeZ) : null;
    }

    /** {@code values} with the last two swapped if {@code transpose}. */
    private static long[] logical(long[] values, boolean transpose) {
        long[] result = values.clone();
        if (transpose) {
            int last = result.length - 1;
            result[last] = values[last - 1];
            result[last - 1] = values[last];
        }
        return result;
    }

    /**
     * {@code array} as the matrix (batch) it stands for: its strides, the last two swapped if
     * transposed; axes of size 1 get the stride a dense array would have (ND4J gives them any).
     */
    private memory.desc strided(INDArray array, boolean transpose) {
        long[] shape = array.shape();
        long[] strides = array.stride().clone();
        long dense = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] == 1) {
                strides[axis] = dense;
            }
            dense *= shape[axis];
        }
        return hold(new memory.desc(logical(shape, transpose), memory.data_type.f32, logical(strides, transpose)));
    }
}
