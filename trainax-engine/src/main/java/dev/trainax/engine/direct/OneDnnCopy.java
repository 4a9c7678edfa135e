package dev.trainax.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy between float32 arrays of one shape, either or both views with strides of their own,
 * through oneDNN's reorder primitive: vectorised along the innermost dense axis, where ND4J's
 * {@code assign} of a strided view walks it element by element (a halo's strips and a
 * concatenation's gradient parts in a 2D ConvNet).
 */
final class OneDnnCopy extends OneDnnCall {

    /** oneDNN's limit on dimensions (DNNL_MAX_NDIMS). */
    private static final int MAX_RANK = 12;

    private OneDnnCopy(INDArray source, INDArray destination) {
        memory from = on(strided(source), source);
        memory to = on(strided(destination), destination);
        reorder.primitive_desc plan = plan(new reorder.primitive_desc(from, to));
        add(new reorder(plan), new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, from, to);
    }

    /**
     * The copy of {@code source} into {@code destination}, or null where oneDNN does not run, the
     * arrays are not non-empty float32 arrays of one shape or rank above 12, or oneDNN offers only
     * its reference implementation.
     */
    static OneDnnCopy of(INDArray source, INDArray destination) {
        boolean fits = OneDnn.engine() != null && source.dataType() == DataType.FLOAT
                && destination.dataType() == DataType.FLOAT && source.equalShapes(destination)
                && !source.isEmpty() && source.rank() >= 1 && source.rank() <= MAX_RANK;
        return fits ? unlessReference(new OneDnnCopy(source, destination)) : null;
    }
}
