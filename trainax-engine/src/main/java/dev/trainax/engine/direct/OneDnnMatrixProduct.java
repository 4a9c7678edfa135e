package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The products this thread planned, by their operands' and result's dimensions and strides
     * (empty: oneDNN offered only a reference implementation). Planning costs 30-40 us, and the
     * arrays of a network's first layer (the batch) change every step. One map per thread: a
     * primitive may keep scratch memory of its own, so threads do not share them.
     */
    private static final ThreadLocal<Map<String, Optional<matmul>>> PLANNED = ThreadLocal.withInitial(HashMap::new);

    private OneDnnMatrixProduct(matmul product, memory.desc[] layouts, INDArray[] arrays) {
        for (memory.desc layout : layouts) {
            hold(layout);
        }
        addShared(product, new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST}, on(layouts[0], arrays[0]),
                on(layouts[1], arrays[1]), on(layouts[2], arrays[2]));
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
        if (!multiply) {
            return null;
        }
        // a transposed result as the product the other way round, (x·y)ᵀ = yᵀ·xᵀ: oneDNN's optimised
        // implementations write a plain result only
        INDArray[] arrays = transposeZ ? new INDArray[] {y, x, z} : new INDArray[] {x, y, z};
        boolean[] transposed = transposeZ ? new boolean[] {!transposeY, !transposeX, false}
                : new boolean[] {transposeX, transposeY, false};
        memory.desc[] layouts = new memory.desc[3];
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long[] dimensions = logical(arrays[i].shape(), transposed[i]);
            long[] strides = logical(strides(arrays[i]), transposed[i]);
            key.append(Arrays.toString(dimensions)).append(Arrays.toString(strides));
            layouts[i] = new memory.desc(dimensions, memory.data_type.f32, strides);
        }
        Optional<matmul> product = PLANNED.get().computeIfAbsent(key.toString(), k -> plan(layouts));
        if (product.isEmpty()) {
            for (memory.desc layout : layouts) {
                layout.close();
            }
            return null;
        }
        return new OneDnnMatrixProduct(product.get(), layouts, arrays);
    }

    /** oneDNN's matrix product for these layouts, or empty if only its reference implementation takes them. */
    private static Optional<matmul> plan(memory.desc[] layouts) {
        try (matmul.desc description = new matmul.desc(layouts[0], layouts[1], layouts[2]);
             matmul.primitive_desc plan = new matmul.primitive_desc(description, OneDnn.engine())) {
            return reference(plan) ? Optional.empty() : Optional.of(new matmul(plan));
        }
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
}
