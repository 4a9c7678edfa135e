package dev.trainax.trainers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All members' flat parameters end to end in one buffer, updated by one optimizer step: the
 * same as one step per member whenever the optimizer works entry by entry (it does unless it
 * clips by a global norm), at a fraction of the per-step overhead.
 */
final class StackedMembers {
    private final int count;
    private final long size;
    private final INDArray parameters;
    private final INDArray gradient;
    private final OptimizerState state;

    StackedMembers(Optimizer optimizer, int count, long size, DataType type) {
        this.count = count;
        this.size = size;
        this.parameters = Nd4j.create(type, count * size);
        this.gradient = Nd4j.create(type, count * size);
        this.state = optimizer.init(count * size, type);
    }

    INDArray parameters(int member) {
        return parameters.get(NDArrayIndex.interval(member * size, (member + 1) * size));
    }

    INDArray gradient(int member) {
        return gradient.get(NDArrayIndex.interval(member * size, (member + 1) * size));
    }

    OptimizerState state() {
        return state;
    }

    /** One optimizer step over every member's parameters. */
    void step(Optimizer optimizer) {
        optimizer.step(parameters, gradient, state);
    }

    /** Sets one member's share of the stacked state from {@code memberState} (the inverse of {@link #memberState}). */
    void restore(int member, OptimizerState memberState) {
        INDArray all = state.buffers();
        if (all != null) {
            long blocks = all.length() / (count * size);
            INDArray flat = all.reshape(all.length());
            INDArray mine = memberState.buffers().reshape(memberState.buffers().length());
            for (long b = 0; b < blocks; b++) {
                long from = b * count * size + member * size;
                flat.get(NDArrayIndex.interval(from, from + size))
                        .assign(mine.get(NDArrayIndex.interval(b * size, (b + 1) * size)));
            }
        }
        state.steps(memberState.steps());
    }

    /**
     * One member's share of the stacked state: optimizer states are blocks of moment buffers,
     * one entry per parameter each, so the member's entries are its slice of every block.
     */
    OptimizerState memberState(int member) {
        INDArray all = state.buffers();
        if (all == null) {
            return new OptimizerState(null, state.steps());
        }
        long blocks = all.length() / (count * size);
        INDArray flat = all.reshape(all.length());
        INDArray mine = Nd4j.create(all.dataType(), 1, blocks * size);
        for (long b = 0; b < blocks; b++) {
            long from = b * count * size + member * size;
            mine.get(NDArrayIndex.point(0), NDArrayIndex.interval(b * size, (b + 1) * size))
                    .assign(flat.get(NDArrayIndex.interval(from, from + size)));
        }
        return new OptimizerState(mine, state.steps());
    }
}
