package dev.trainax.engine.direct;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_desc_base;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sequence of oneDNN primitives on ND4J arrays' buffers, run on one stream: what the oneDNN
 * calls share. Subclasses describe the arrays ({@link #nhwc}, {@link #on}) and add their
 * primitives in order ({@link #add}); everything made through {@link #hold} is freed on close.
 */
abstract class OneDnnCall implements PlannedCall {

    /**
     * oneDNN's AVX-512 vector of floats: channel counts in multiples of which its fast kernels
     * compute whole vectors (the routes of {@link OneDnnConvolutionBackward} and {@link OneDnnProjection}).
     */
    static final long VECTOR = 16;

    /** oneDNN's kernel dimensions {@code (out, in, kH, kW)} of a kernel {@code [kH, kW, in, out]}. */
    private static final int[] KERNEL_DIMENSIONS = {3, 2, 0, 1};

    final engine cpu;
    private final List<Pointer> held = new ArrayList<>();
    private final List<primitive> primitives = new ArrayList<>();
    private final List<IntMemoryMap> arguments = new ArrayList<>();
    private final stream executionStream;
    /** Whether oneDNN picked a reference (unoptimised) implementation for one of the primitives. */
    private boolean reference;

    /** A call on {@link OneDnn#engine()}, which must run here. */
    OneDnnCall() {
        this.cpu = OneDnn.engine();
        this.executionStream = hold(new stream(cpu));
    }

    /** Whether oneDNN runs here and every array (nulls skipped) is a dense float32 array of its own. */
    static boolean fits(INDArray... arrays) {
        return OneDnn.engine() != null && Stream.of(arrays).filter(Objects::nonNull).allMatch(array ->
                array.dataType() == DataType.FLOAT && array.offset() == 0 && DirectExecutor.viewable(array));
    }

    @Override
    public final void run() {
        for (int i = 0; i < primitives.size(); i++) {
            primitives.get(i).execute(executionStream, arguments.get(i));
        }
        executionStream._wait();
    }

    @Override
    public final void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).close();
        }
        held.clear();
    }

    /** An NHWC array {@code (n, h, w, c)} as oneDNN describes it: dimensions {@code (n, c, h, w)}, tag nhwc. */
    final memory.desc nhwc(INDArray array) {
        return images(array, array.size(3), memory.format_tag.nhwc);
    }

    /**
     * Images of the batch and grid of {@code nhwc} (an NHWC array) with {@code channels} channels,
     * dimensions {@code (n, channels, h, w)}, in {@code layout}.
     */
    final memory.desc images(INDArray nhwc, long channels, memory.format_tag layout) {
        return hold(new memory.desc(new long[] {nhwc.size(0), channels, nhwc.size(1), nhwc.size(2)},
                memory.data_type.f32, layout));
    }

    /** A dense row-major {@code rows x columns} matrix as oneDNN describes it. */
    final memory.desc matrix(long rows, long columns) {
        return hold(new memory.desc(new long[] {rows, columns}, memory.data_type.f32, memory.format_tag.ab));
    }

    /** {@code array} as oneDNN describes it with its own shape and strides (a view's included). */
    final memory.desc strided(INDArray array) {
        return hold(new memory.desc(array.shape(), memory.data_type.f32, strides(array)));
    }

    /** {@code array}'s strides; axes of size 1 get the stride a dense array would have (ND4J gives them any). */
    static long[] strides(INDArray array) {
        long[] shape = array.shape();
        long[] strides = array.stride().clone();
        long dense = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] == 1) {
                strides[axis] = dense;
            }
            dense *= shape[axis];
        }
        return strides;
    }

    /** A kernel {@code [kH, kW, in, out]} as oneDNN describes it in {@code layout} (hwio: the array's own). */
    final memory.desc kernel(INDArray kernel, memory.format_tag layout) {
        long[] dimensions = new long[4];
        for (int i = 0; i < 4; i++) {
            dimensions[i] = kernel.size(KERNEL_DIMENSIONS[i]);
        }
        return hold(new memory.desc(dimensions, memory.data_type.f32, layout));
    }

    /** {@code bias} as oneDNN describes it, or the empty description for none (null). */
    final memory.desc bias(INDArray bias) {
        return hold(bias == null ? new memory.desc()
                : new memory.desc(new long[] {bias.length()}, memory.data_type.f32, memory.format_tag.x));
    }

    /**
     * oneDNN's view of {@code array} as {@code layout}, from its first element: a view's buffer
     * (ND4J makes one per view) starts there.
     */
    final memory on(memory.desc layout, INDArray array) {
        return hold(new memory(layout, cpu, array.data().addressPointer()));
    }

    /** A memory of oneDNN's own in {@code layout}. */
    final memory scratch(memory.desc layout) {
        return hold(new memory(layout, cpu));
    }

    /**
     * Runs {@code primitive} after those added before, with {@code values[i]} as argument
     * {@code keys[i]} (null: none).
     */
    final void add(primitive primitive, int[] keys, memory... values) {
        addShared(hold(primitive), keys, values);
    }

    /**
     * {@link #add} for a primitive this call does not own (it is not freed on close); a null value
     * leaves its argument out (a convolution without bias).
     */
    final void addShared(primitive primitive, int[] keys, memory... values) {
        IntMemoryMap map = hold(new IntMemoryMap());
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                map.put(keys[i], values[i]);
            }
        }
        primitives.add(primitive);
        arguments.add(map);
    }

    /** Holds {@code plan}, noting whether oneDNN picked a reference implementation for it. */
    final <T extends primitive_desc_base> T plan(T plan) {
        reference |= reference(plan);
        return hold(plan);
    }

    /** Whether oneDNN planned its reference (unoptimised) implementation for {@code plan}. */
    static boolean reference(primitive_desc_base plan) {
        return plan.impl_info_str().getString().startsWith("ref");
    }

    /**
     * {@code call}, or null (its memory freed) if oneDNN planned a reference implementation: those
     * loop per element (a transposed 60 x 60 result took 1.7 ms against 3 us), ND4J's op is faster.
     */
    static <T extends OneDnnCall> T unlessReference(T call) {
        if (((OneDnnCall) call).reference) {
            call.close();
            return null;
        }
        return call;
    }

    final <T extends Pointer> T hold(T pointer) {
        held.add(pointer);
        return pointer;
    }
}
