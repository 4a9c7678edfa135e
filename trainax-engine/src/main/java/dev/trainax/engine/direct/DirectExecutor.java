package dev.trainax.engine.direct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the ops a fixed set of outputs of a SameDiff graph needs (the forward graph, or SameDiff's
 * gradient function), in an order found once, through ND4J's op executioner. The ops and their
 * arithmetic are SameDiff's; what changes is the bookkeeping around them: every op's output arrays
 * are allocated once per batch shape and reused by later calls, and output shapes are computed
 * only when the placeholder shapes change. Allocating and shaping cost a small op three times its
 * arithmetic, so overhead-bound training steps get markedly cheaper. Graphs with control flow or
 * in-place ops are refused at construction ({@link #forOutputs} returns null) and run by SameDiff.
 * Not thread-safe; the returned arrays are copies.
 */
public final class DirectExecutor {

    /** One op with its argument and output names and its state for the current placeholder shapes. */
    private static final class OpStep {
        final DifferentialFunction op;
        final String[] arguments;
        final String[] outputs;
        final DataType[] outputTypes;
        /** The op itself, or for ReLU's gradient the multiply of {@link #reluGradient}. */
        final CustomOp kernel;
        /** Whether the op is ReLU's backward pass, run by {@link #reluGradient}. */
        final boolean reluGradient;
        /** Whether reused outputs are zeroed before the op runs: all but {@link #OVERWRITING_OPS}. */
        final boolean zeroOutputs;
        /** What runs the op in its place ({@link Replacement#of}, or its ReLU-fused variant), or null. */
        Replacement replacement;
        /**
         * For a ReLU folded into the convolution that computes its input ({@link #fuseRelus}),
         * that convolution's step: where its fused replacement ran, its output is already this
         * op's result.
         */
        OpStep fusedInto;
        /** Whether the op's output arrays depend on its input's shape only (shape_of): computed once per shapes. */
        final boolean shapeOnly;
        /** Whether a later op or the caller reads each output (the input gradient of a first layer: no). */
        boolean[] outputsRead;
        State state = new State();

        OpStep(DifferentialFunction op, String[] outputs, DataType[] outputTypes) {
            this.op = op;
            this.arguments = op.argNames();
            this.outputs = outputs;
            this.outputTypes = outputTypes;
            this.reluGradient = op instanceof ThresholdReluBp relu && relu.getCutoff() == 0.0;
            this.kernel = reluGradient ? DynamicCustomOp.builder("multiply").build()
                    : op instanceof CustomOp custom ? custom : null;
            this.zeroOutputs = !OVERWRITING_OPS.contains(op.opName());
            this.replacement = Replacement.of(op);
            this.shapeOnly = "shape_of".equals(op.opName());
            this.outputsRead = new boolean[outputs.length];
            Arrays.fill(outputsRead, true);
        }
    }

    /** What a step holds for one set of placeholder shapes: its context and its output arrays. */
    private static final class State {
        OpContext context = Nd4j.getExecutioner().buildContext();
        INDArray[] buffers;
        /** Whether the op's fixed integer, float and boolean arguments are in the context. */
        boolean argumentsSet;
        /** The arrays the context holds as inputs and outputs. */
        INDArray[] inputsSet;
        INDArray[] outputsSet;
        /** Whether {@link #buffers} is a view of the input (a reshape of an array that stays the same). */
        boolean view;
        /** Whether the input of a reshape changed between calls, so views of it would not last. */
        boolean unstableInput;
        /** The ops of the step's {@link Replacement}, bound to the arrays of the last call. */
        PlannedOps plan;
        /**
         * For ReLU's gradient, the 0/1 step of the input and its context: made once per arrays, as
         * a step op made per call cost three times its pass over 1,920 floats (10-20 against 3-6 us).
         */
        Step step;
        OpContext stepContext;

        /**
         * A fresh context (a new batch): re-pointing a context's inputs leaks native memory in ND4J
         * 1.0.0-M2.1, closing it does not.
         */
        OpContext renew() {
            close();
            context = Nd4j.getExecutioner().buildContext();
            outputsSet = null;
            return context;
        }

        void close() {
            if (plan != null) {
                plan.close();
                plan = null;
            }
            if (stepContext != null) {
                release(stepContext);
                stepContext = null;
            }
            release(context);
        }
    }

    /** Frees a context's native memory. */
    static void release(OpContext context) {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release an op context: " + e.getMessage(), e);
        }
    }

    /** What the executor holds for one set of placeholder shapes: the steps' states and the placeholders' copies. */
    private record ShapePlan(List<State> states, Map<String, INDArray> placeholderCopies) {
    }

    /**
     * Ops whose kernels write every element of their outputs whatever the data, so their reused
     * outputs are not zeroed first: zeroing is a pass over memory per output, 0.4 ms of a 15 ms
     * ConvNet training step. Every other op's reused outputs are zeroed, as freshly allocated ones
     * are, because some ND4J ops accumulate into their output. DirectExecutionTest and
     * NativeBuildConvolutionTest run each of these on reused outputs after another batch, which an
     * accumulating op would fail.
     */
    private static final Set<String> OVERWRITING_OPS = Set.of("conv2d", "conv2d_bp", "conv3dnew", "conv3dnew_bp",
            "relu", "tanh", "tanh_bp", "matmul", "matmul_bp", "concat", "concat_bp", "add", "add_bp", "subtract",
            "subtract_bp", "multiply", "strided_slice", "strided_slice_bp", "permute");

    /** When any executor last requested a collection: one clock for all, as the collection is global. */
    private static final AtomicLong LAST_GC = new AtomicLong(System.currentTimeMillis());

    private final SameDiff graph;
    /**
     * ND4J frees an array's native memory only when the garbage collector finds its Java object
     * unreachable. SameDiff's session makes enough Java garbage per call to keep collections
     * frequent; this executor makes almost none, so native memory of dead arrays (batches, returned
     * copies) would pile up between rare collections. A collection at most every this many
     * milliseconds (the engine's default 2000; 0 turns it off) keeps resident memory flat at about
     * 1% of the time.
     */
    private final long gcIntervalMs;
    private final List<OpStep> steps = new ArrayList<>();
    private final List<String> outputs;
    /** Copies of the placeholders for the current shapes ({@link #stableCopy}), by name. */
    private Map<String, INDArray> placeholderCopies = new HashMap<>();
    /** The placeholder shapes the buffers were allocated for. */
    private Map<String, List<Long>> bufferShapes = Map.of();
    /**
     * The plans for other placeholder shapes met lately, least recently used first. Kept so that
     * alternating batch sizes (an epoch's last, smaller minibatch, then full ones again) switch
     * back to their buffers instead of allocating and shaping every op's output anew.
     */
    private final Map<Map<String, List<Long>>, ShapePlan> plans = new LinkedHashMap<>(4, 0.75f, true);
    private static final int PLANS_KEPT = 3;

    private DirectExecutor(SameDiff graph, List<String> outputs, long gcIntervalMs) {
        this.graph = graph;
        this.outputs = List.copyOf(outputs);
        this.gcIntervalMs = gcIntervalMs;
    }

    /**
     * An executor for {@code outputs} of {@code graph}, or {@code null} if the graph holds an op it
     * does not handle; it requests a garbage collection at most every {@code gcIntervalMs}
     * milliseconds (0 for never).
     */
    public static DirectExecutor forOutputs(SameDiff graph, List<String> outputs, long gcIntervalMs) {
        DirectExecutor executor = new DirectExecutor(graph, outputs, gcIntervalMs);
        Set<String> done = new HashSet<>();
        for (String output : outputs) {
            if (!executor.order(output, done)) {
                return null;
            }
        }
        Set<String> read = new HashSet<>(outputs);
        executor.steps.forEach(step -> read.addAll(Arrays.asList(step.arguments)));
        for (OpStep step : executor.steps) {
            for (int i = 0; i < step.outputs.length; i++) {
                step.outputsRead[i] = read.contains(step.outputs[i]);
            }
        }
        executor.fuseRelus();
        return executor;
    }

    /**
     * Folds each ReLU into the forward convolution that computes its input, where nothing else
     * reads that input but ReLU's own gradient: the convolution then writes ReLU's result
     * (oneDNN's post-op, {@link ConvolutionForward#withRelu}), ReLU's pass over memory goes, and
     * the gradient reads the rectified values instead of the raw ones, which are positive at the
     * same places. A sixth of a 2D ConvNet step was ReLU and its gradient.
     */
    private void fuseRelus() {
        Map<String, OpStep> producers = new HashMap<>();
        Map<String, List<OpStep>> readers = new HashMap<>();
        for (OpStep step : steps) {
            for (String output : step.outputs) {
                producers.put(output, step);
            }
            for (String argument : step.arguments) {
                readers.computeIfAbsent(argument, name -> new ArrayList<>()).add(step);
            }
        }
        for (OpStep relu : steps) {
            if (!Relu.isForward(relu.op) || outputs.contains(relu.arguments[0])) {
                continue;
            }
            String input = relu.arguments[0];
            OpStep producer = producers.get(input);
            boolean onlyRelu = readers.get(input).stream().allMatch(reader -> reader == relu
                    || reader.reluGradient && reader.arguments[0].equals(input) && !reader.arguments[1].equals(input));
            if (producer != null && producer.outputs.length == 1 && onlyRelu
                    && producer.replacement instanceof ConvolutionForward convolution) {
                producer.replacement = convolution.withRelu();
                relu.fusedInto = producer;
            }
        }
    }

    /** How many ReLUs {@link #fuseRelus} folded into their convolutions (for tests). */
    int fusedRelus() {
        return (int) steps.stream().filter(step -> step.fusedInto != null).count();
    }

    /** Appends the ops {@code variable} depends on, dependencies first; false for an unsupported op. */
    private boolean order(String variable, Set<String> done) {
        Deque<String> pending = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        pending.push(variable);
        expanded.push(false);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            boolean ready = expanded.pop();
            DifferentialFunction op = graph.getVariableOutputOp(name);
            if (op == null || done.contains(op.getOwnName())) {
                continue;
            }
            if (ready) {
                done.add(op.getOwnName());
                String[] outs = op.outputVariablesNames();
                DataType[] types = new DataType[outs.length];
                for (int i = 0; i < outs.length; i++) {
                    types[i] = graph.getVariable(outs[i]).dataType();
                }
                steps.add(new OpStep(op, outs, types));
                continue;
            }
            if (!supported(op)) {
                return false;
            }
            pending.push(name);
            expanded.push(true);
            for (String argument : op.argNames()) {
                pending.push(argument);
                expanded.push(false);
            }
        }
        return true;
    }

    private static boolean supported(DifferentialFunction op) {
        String type = op.getClass().getName();
        boolean special = type.contains(".controlflow.") || type.contains(".tensorops.") || type.endsWith(".Invoke")
                || type.endsWith(".Assert") || type.endsWith(".Assign") || type.endsWith(".CreateView");
        return !special && (op instanceof DynamicCustomOp || op instanceof BaseOp);
    }

    /** Copies of the requested outputs for the given placeholder values. */
    public Map<String, INDArray> run(Map<String, INDArray> placeholders) {
        collectGarbageOccasionally();
        Map<String, List<Long>> shapes = new HashMap<>();
        placeholders.forEach((name, value) -> shapes.put(name, Arrays.stream(value.shape()).boxed().toList()));
        boolean reuse = shapes.equals(bufferShapes);
        if (!reuse) {
            reuse = switchPlan(shapes);
        }
        Map<String, INDArray> values = new HashMap<>();
        placeholders.forEach((name, value) -> values.put(name, stableCopy(name, value)));
        for (OpStep step : steps) {
            INDArray[] arguments = new INDArray[step.arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = value(step.arguments[i], values);
            }
            INDArray[] results = execute(step, arguments, reuse);
            for (int i = 0; i < step.outputs.length; i++) {
                values.put(step.outputs[i], results[i]);
            }
        }
        Map<String, INDArray> result = new HashMap<>();
        for (String output : outputs) {
            result.put(output, value(output, values).dup());
        }
        return result;
    }

    /**
     * {@code value} copied into an array kept for this placeholder in the current plan. The ops
     * that read a placeholder then see the same array every call and keep their contexts: a new
     * array would make each of them build a fresh context (re-pointing one leaks, see
     * {@link State#renew}), which cost more than this copy.
     */
    private INDArray stableCopy(String name, INDArray value) {
        INDArray copy = placeholderCopies.get(name);
        if (copy == null || copy.dataType() != value.dataType() || !Arrays.equals(copy.shape(), value.shape())) {
            copy = value.dup('c');
            placeholderCopies.put(name, copy);
        } else {
            copy.assign(value);
        }
        return copy;
    }

    /**
     * Puts the steps' state for the current shapes aside and takes up the one kept for
     * {@code shapes}; true if there was one (its buffers are reused), false if the steps start
     * afresh and allocate.
     */
    private boolean switchPlan(Map<String, List<Long>> shapes) {
        boolean used = steps.stream().anyMatch(step -> step.state.buffers != null);
        if (used) {
            plans.put(bufferShapes, new ShapePlan(steps.stream().map(step -> step.state).toList(), placeholderCopies));
        }
        bufferShapes = shapes;
        ShapePlan kept = plans.remove(shapes);
        if (kept != null || used) {
            for (int i = 0; i < steps.size(); i++) {
                steps.get(i).state = kept != null ? kept.states().get(i) : new State();
            }
            placeholderCopies = kept != null ? kept.placeholderCopies() : new HashMap<>();
        }
        while (plans.size() > PLANS_KEPT - 1) {
            Map<String, List<Long>> eldest = plans.keySet().iterator().next();
            plans.remove(eldest).states().forEach(State::close);
        }
        return kept != null;
    }

    /** Releases the native op contexts of every kept plan; the executor must not run afterwards. */
    public void close() {
        for (OpStep step : steps) {
            step.state.close();
        }
        plans.values().forEach(plan -> plan.states().forEach(State::close));
        plans.clear();
        placeholderCopies.clear();
    }

    private void collectGarbageOccasionally() {
        long now = System.currentTimeMillis();
        long last = LAST_GC.get();
        if (gcIntervalMs > 0 && now - last >= gcIntervalMs && LAST_GC.compareAndSet(last, now)) {
            System.gc();
        }
    }

    private INDArray value(String name, Map<String, INDArray> values) {
        INDArray value = values.get(name);
        if (value == null) {
            VariableType type = graph.getVariable(name).getVariableType();
            if (type == VariableType.PLACEHOLDER) {
                throw new IllegalArgumentException("no value for placeholder '" + name + "'");
            }
            value = graph.getArrForVarName(name);
            if (value == null) {
                throw new IllegalStateException("no array for " + type + " '" + name + "'");
            }
        }
        return value;
    }

    private static INDArray[] execute(OpStep step, INDArray[] arguments, boolean reuse) {
        DifferentialFunction op = step.op;
        State state = step.state;
        OpContext context = state.context;
        if (op instanceof Identity || step.fusedInto != null && step.fusedInto.state.plan != null) {
            return new INDArray[] {arguments[0]};
        }
        if (step.reluGradient) {
            return reluGradient(step, arguments[0], arguments[1], reuse);
        }
        if (op instanceof CustomOp) {
            if (step.shapeOnly && reuse && state.buffers != null) {
                return state.buffers;   // the same placeholder shapes, the same shapes throughout
            }
            DynamicCustomOp custom = (DynamicCustomOp) op;
            boolean inputsChanged = state.argumentsSet && changed(state, arguments);
            if (state.view) {
                if (!inputsChanged && reuse) {
                    return state.buffers;
                }
                state.view = false;
                state.unstableInput = inputsChanged && reuse;   // new shapes reallocate inputs: expected
                state.buffers = null;
            }
            if (!state.argumentsSet || inputsChanged) {
                context = state.renew();
                context.setArgs(arguments, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
                state.argumentsSet = true;
                state.inputsSet = arguments.clone();
            }
            if (!reuse || state.buffers == null) {
                List<LongShapeDescriptor> shapes = custom.calculateOutputShape(context);
                if (op instanceof Reshape && !state.unstableInput && viewable(arguments[0])) {
                    state.buffers = new INDArray[] {arguments[0].reshape('c', shapes.get(0).getShape())};
                    state.view = true;
                    return state.buffers;
                }
                state.buffers = new INDArray[shapes.size()];
                for (int i = 0; i < shapes.size(); i++) {
                    state.buffers[i] = allocate(shapes.get(i), step.outputTypes[i]);
                }
            }
            setOutputs(state, reuse && step.zeroOutputs);
            if (!replaced(step, arguments)) {
                Nd4j.exec(step.kernel, context);
            }
            return state.buffers;
        }
        Op legacy = (Op) op;
        boolean axisArgument = false;
        if (legacy instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3 && arguments.length == 2) {
            INDArray axes = arguments[1];
            op.setDimensions(axes.isEmpty() ? null : Shape.normalizeAxis(arguments[0].rank(), axes.toIntVector()));
            ((BaseReduceOp) legacy).setEmptyReduce(axes.isEmpty());
            axisArgument = true;
        } else if (legacy instanceof ScalarOp scalar && arguments.length == 2) {
            scalar.setScalar(arguments[1]);
        }
        INDArray[] inputs = arguments.length == 2 && !axisArgument ? arguments : new INDArray[] {arguments[0]};
        if (changed(state, inputs)) {
            context = state.renew();
            for (int i = 0; i < inputs.length; i++) {
                context.setInputArray(i, inputs[i]);
            }
            state.inputsSet = inputs.clone();
        }
        if (!reuse || state.buffers == null) {
            LongShapeDescriptor shape = ((BaseOp) legacy).calculateOutputShape(context).get(0);
            state.buffers = new INDArray[] {allocate(shape, step.outputTypes[0])};
        }
        setOutputs(state, reuse && step.zeroOutputs);
        if (!replaced(step, arguments)) {
            Nd4j.exec(legacy, context);
        }
        return state.buffers;
    }

    /** Whether the step's {@link Replacement} ran the op (false: it has none, or it declined these arrays). */
    private static boolean replaced(OpStep step, INDArray[] arguments) {
        if (step.replacement == null) {
            return false;
        }
        State state = step.state;
        state.plan = PlannedOps.run(state.plan, step.replacement, arguments, state.buffers, step.outputsRead);
        return state.plan != null;
    }

    /**
     * ReLU's backward pass, the gradient where the input is positive and 0 elsewhere, as two
     * vectorised ops: a 0/1 step of the input, multiplied in place by the gradient. SameDiff
     * differentiates ReLU into {@code thresholdedrelu_bp}, and ND4J's {@code relu_bp} is no better:
     * both call a function per element and took 5-25 times as long on a ConvNet's activations
     * (270-1,300 us against 50 us for 102,400 floats). One difference: a NaN or infinite gradient
     * where the input is not positive gives NaN here (0 times it), 0 there. Where oneDNN runs, its
     * primitive replaces both passes ({@link Relu}), with the same values.
     */
    private static INDArray[] reluGradient(OpStep step, INDArray input, INDArray gradient, boolean reuse) {
        State state = step.state;
        if (!reuse || state.buffers == null) {
            state.buffers = new INDArray[] {Nd4j.create(step.outputTypes[0], input.shape(), 'c')};
        }
        if (replaced(step, new INDArray[] {input, gradient})) {
            return state.buffers;
        }
        INDArray output = state.buffers[0];
        INDArray[] arrays = {input, output, gradient};
        if (changed(state, arrays)) {
            OpContext context = state.renew();
            context.setInputArray(0, output);
            context.setInputArray(1, gradient);
            context.setOutputArray(0, output);
            state.step = new Step(input, output, 0.0);
            state.stepContext = Nd4j.getExecutioner().buildContext();
            state.stepContext.setInputArray(0, input);
            state.stepContext.setOutputArray(0, output);
            state.inputsSet = arrays;
        }
        Nd4j.exec(state.step, state.stepContext);
        Nd4j.exec(step.kernel, state.context);
        return state.buffers;
    }

    /**
     * Whether a reshape of {@code input} can be a view of it: a {@code c}-contiguous array (axes of
     * size 1 may have any stride, as ND4J gives them). Such a
     * reshape then costs nothing per call instead of a pass over the data; reshapes are a good part
     * of a small network's ops (member stacking, layout changes). The view lasts as long as the
     * input array does, which holds for an op's reused output; a reshape whose input array changes
     * between calls copies from then on.
     */
    static boolean viewable(INDArray input) {
        long[] shape = input.shape();
        long[] stride = input.stride();
        long expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && stride[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    private static boolean changed(State state, INDArray[] inputs) {
        return !sameArrays(state.inputsSet, inputs);
    }

    /** Whether {@code held} (null for none yet) holds exactly the array objects of {@code arrays}. */
    static boolean sameArrays(INDArray[] held, INDArray[] arrays) {
        if (held == null || held.length != arrays.length) {
            return false;
        }
        for (int i = 0; i < arrays.length; i++) {
            if (held[i] != arrays[i]) {
                return false;
            }
        }
        return true;
    }

    /** Hands the context its output buffers, zeroing them first if asked. */
    private static void setOutputs(State state, boolean zero) {
        if (state.outputsSet == null || state.outputsSet.length != state.buffers.length) {
            state.outputsSet = new INDArray[state.buffers.length];
        }
        for (int i = 0; i < state.buffers.length; i++) {
            if (zero && !state.buffers[i].isEmpty()) {
                Nd4j.getMemoryManager().memset(state.buffers[i]);
            }
            if (state.outputsSet[i] != state.buffers[i]) {
                state.context.setOutputArray(i, state.buffers[i]);
                state.outputsSet[i] = state.buffers[i];
            }
        }
    }

    private static INDArray allocate(LongShapeDescriptor shape, DataType type) {
        LongShapeDescriptor typed = shape.dataType() == type ? shape : shape.asDataType(type);
        return typed.isEmpty() ? Nd4j.empty(type) : Nd4j.create(typed, true);
    }
}
