package dev.trainax.bench;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code u ← tanh(a ⊙ u + b)} with {@code a, b} of shape {@code (1, points)} broadcast over the
 * batch: a rollout is a long chain of elementwise ops sharing one small parameter, the graph shape
 * on which SameDiff's backward was once measured superlinear.
 */
final class DiagonalStepper implements Network {

    private final int points;

    DiagonalStepper(int points) {
        this.points = points;
    }

    @Override
    public Parameters initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[points];
        for (int i = 0; i < points; i++) {
            a[i] = (float) (0.5 + random.nextDouble());
        }
        return Parameters.of(Map.of("a", Nd4j.createFromArray(a).reshape(1, 1, points),
                "b", Nd4j.zeros(DataType.FLOAT, 1, 1, points)));
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        return context.graph().math().tanh(state.mul(context.parameter("a")).add(context.parameter("b")));
    }
}
