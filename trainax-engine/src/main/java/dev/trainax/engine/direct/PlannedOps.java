package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Replacement}'s ops bound to one set of arrays, each with a context that holds its
 * arrays and arguments: such calls cost less than ops that carry their arrays. Reused while the
 * arrays and the outputs read stay the same.
 */
final class PlannedOps implements AutoCloseable {

    private final INDArray[] arrays;
    private final boolean[] outputsRead;
    private final DynamicCustomOp[] ops;
    private final OpContext[] contexts;

    private PlannedOps(INDArray[] arrays, boolean[] outputsRead, List<DynamicCustomOp> ops) {
        this.arrays = arrays;
        this.outputsRead = outputsRead.clone();
        this.ops = ops.toArray(new DynamicCustomOp[0]);
        this.contexts = new OpContext[this.ops.length];
        for (int i = 0; i < this.ops.length; i++) {
            DynamicCustomOp op = this.ops[i];
            contexts[i] = Nd4j.getExecutioner().buildContext();
            contexts[i].setArgs(op.inputArguments().toArray(new INDArray[0]), op.iArgs(), op.dArgs(), op.tArgs(),
                    op.bArgs());
            List<INDArray> outputs = op.outputArguments();
            for (int o = 0; o < outputs.size(); o++) {
                contexts[i].setOutputArray(o, outputs.get(o));
            }
        }
    }

    /**
     * Runs {@code replacement} on {@code arguments} into {@code outputs} (those read, by
     * {@code outputsRead}) with {@code previous} if it was made for these arrays, else with a new
     * plan; returns the plan used, to pass back next time, or null if the replacement declined the
     * arrays (then the caller runs the op itself).
     */
    static PlannedOps run(PlannedOps previous, Replacement replacement, INDArray[] arguments, INDArray[] outputs,
                          boolean[] outputsRead) {
        INDArray[] arrays = new INDArray[arguments.length + outputs.length];
        System.arraycopy(arguments, 0, arrays, 0, arguments.length);
        System.arraycopy(outputs, 0, arrays, arguments.length, outputs.length);
        PlannedOps plan = previous;
        if (plan == null || !Arrays.equals(plan.outputsRead, outputsRead)
                || !DirectExecutor.sameArrays(plan.arrays, arrays)) {
            if (plan != null) {
                plan.close();
            }
            List<DynamicCustomOp> ops = replacement.ops(arguments, outputs, outputsRead);
            plan = ops == null ? null : new PlannedOps(arrays, outputsRead, ops);
        }
        if (plan != null) {
            for (int i = 0; i < plan.ops.length; i++) {
                Nd4j.exec(plan.ops[i], plan.contexts[i]);
            }
        }
        return plan;
    }

    @Override
    public void close() {
        for (OpContext context : contexts) {
            DirectExecutor.release(context);
        }
    }
}
