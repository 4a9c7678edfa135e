package dev.trainax.engine;

import dev.trainax.api.TrainingProgress;
import dev.trainax.api.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The random inputs of one program in a graph: one placeholder per request, in program order,
 * created by the program's first pass and shared by its second, and the values drawn for them each
 * update step. Placeholders carry no gradient, so nothing flows back through random values.
 */
final class RandomInputs {

    /** What a request draws. */
    enum Kind {
        /** Standard normal noise of the state shape, per sample. */
        NORMAL,
        /** One Bernoulli value per sample: 1 with the request's probability, else 0. */
        BERNOULLI
    }

    /**
     * One random input a program asks for; the probability (BERNOULLI only) sets values, not the
     * graph, so it may change from step to step without a new program.
     */
    record Request(Kind kind, double probability) {
        /** Checks the probability. */
        Request {
            Require.that(probability >= 0 && probability <= 1, "probability",
                    "must be in [0, 1], got " + probability);
        }
    }

    private final SameDiff graph;
    private final String prefix;
    private final long[] stateShape;
    private final DataType dataType;
    private final List<SDVariable> placeholders = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();

    RandomInputs(SameDiff graph, String prefix, long[] stateShape, DataType dataType) {
        this.graph = graph;
        this.prefix = prefix;
        this.stateShape = stateShape.clone();
        this.dataType = dataType;
    }

    /**
     * The placeholder of a pass's {@code index}-th request: batch-first, {@code (batch, *stateShape)}
     * for noise, {@code (batch)} for a mask.
     *
     * @throws IllegalStateException if an earlier pass asked for another kind at that index
     */
    SDVariable placeholder(int index, Kind kind) {
        if (index < placeholders.size()) {
            if (kinds.get(index) != kind) {
                throw new IllegalStateException("the configuration asked for " + kind + " as random input " + index
                        + " on its second run, " + kinds.get(index) + " on its first; loss(ops) must be deterministic");
            }
            return placeholders.get(index);
        }
        long[] shape = kind == Kind.NORMAL ? batched(stateShape) : new long[] {-1};
        SDVariable placeholder = graph.placeHolder(prefix + "random_" + index, dataType, shape);
        placeholders.add(placeholder);
        kinds.add(kind);
        return placeholder;
    }

    /** The placeholders' names in request order. */
    List<String> names() {
        return placeholders.stream().map(SDVariable::name).toList();
    }

    /** The kinds requested, in request order. */
    List<Kind> kinds() {
        return List.copyOf(kinds);
    }

    /**
     * The values of {@code requests} for a batch of {@code batch} samples at {@code progress}: a
     * fresh counter-based stream per step, drawn in request order, sample by sample.
     */
    static List<INDArray> draw(List<Request> requests, TrainingProgress progress, long batch, long[] stateShape,
                               DataType dataType) {
        SplittableRandom random = StepRandomness.values(progress);
        long points = Arrays.stream(stateShape).reduce(1, Math::multiplyExact);
        List<INDArray> values = new ArrayList<>();
        for (Request request : requests) {
            double[] drawn;
            if (request.kind() == Kind.NORMAL) {
                drawn = new double[Math.toIntExact(Math.multiplyExact(batch, points))];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = random.nextGaussian();
                }
            } else {
                drawn = new double[Math.toIntExact(batch)];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = random.nextDouble() < request.probability() ? 1.0 : 0.0;
                }
            }
            long[] shape = request.kind() == Kind.NORMAL ? withBatch(batch, stateShape) : new long[] {batch};
            values.add(Nd4j.createFromArray(drawn).reshape(shape).castTo(dataType));
        }
        return values;
    }

    private static long[] batched(long[] stateShape) {
        return withBatch(-1, stateShape);
    }

    private static long[] withBatch(long batch, long[] stateShape) {
        long[] shape = new long[stateShape.length + 1];
        shape[0] = batch;
        System.arraycopy(stateShape, 0, shape, 1, stateShape.length);
        return shape;
    }
}
