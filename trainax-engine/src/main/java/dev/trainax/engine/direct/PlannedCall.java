package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One call of a planned {@link Replacement}, bound to its arrays: an ND4J op with a context that
 * holds its arrays and arguments (such calls cost less than ops that carry their arrays), or a
 * native library's primitives ({@link OneDnnConvolutionBackward}).
 */
interface PlannedCall extends AutoCloseable {

    /** Computes the call's outputs from its arrays' current values. */
    void run();

    /** Frees the native memory the call holds. */
    @Override
    void close();

    /**
     * {@code op} bound to a context of its own; where oneDNN runs, a float32 {@code matmul} as
     * oneDNN's matrix product ({@link OneDnnMatrixProduct}), which costs a third to a quarter, and
     * a float32 copy ({@link Replacement#copy}) as its reorder ({@link OneDnnCopy}).
     */
    static PlannedCall of(DynamicCustomOp op) {
        if ("assign".equals(op.opName()) && op.numInputArguments() == 2) {
            PlannedCall copy = OneDnnCopy.of(op.getInputArgument(1), op.getOutputArgument(0));
            if (copy != null) {
                return copy;
            }
        }
        if ("matmul".equals(op.opName()) && MatrixProduct.plain(op.tArgs()) && op.numInputArguments() == 2) {
            long[] flags = Arrays.copyOf(op.iArgs(), 3);
            PlannedCall product = OneDnnMatrixProduct.of(op.getInputArgument(0), op.getInputArgument(1),
                    op.getOutputArgument(0), flags[0] != 0, flags[1] != 0, flags[2] != 0);
            if (product != null) {
                return product;
            }
        }
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setArgs(op.inputArguments().toArray(new INDArray[0]), op.iArgs(), op.dArgs(), op.tArgs(), op.bArgs());
        List<INDArray> outputs = op.outputArguments();
        for (int o = 0; o < outputs.size(); o++) {
            context.setOutputArray(o, outputs.get(o));
        }
        return new PlannedCall() {
            @Override
            public void run() {
                Nd4j.exec(op, context);
            }

            @Override
            public void close() {
                DirectExecutor.release(context);
            }
        };
    }
}
