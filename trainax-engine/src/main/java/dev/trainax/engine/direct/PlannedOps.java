package dev.trainax.engine.direct;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Replacement}'s calls bound to one set of arrays ({@link PlannedCall}), reused while the
 * arrays and the outputs read stay the same.
 */
final class PlannedOps implements AutoCloseable {

    private final INDArray[] arrays;
    private final boolean[] outputsRead;
    private final PlannedCall[] calls;

    private PlannedOps(INDArray[] arrays, boolean[] outputsRead, List<PlannedCall> calls) {
        this.arrays = arrays;
        this.outputsRead = outputsRead.clone();
        this.calls = calls.toArray(new PlannedCall[0]);
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
            List<PlannedCall> calls = replacement.calls(arguments, outputs, outputsRead);
            plan = calls == null ? null : new PlannedOps(arrays, outputsRead, calls);
        }
        if (plan != null) {
            for (PlannedCall call : plan.calls) {
                call.run();
            }
        }
        return plan;
    }

    @Override
    public void close() {
        for (PlannedCall call : calls) {
            call.close();
        }
    }
}
