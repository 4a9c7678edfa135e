package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Relu} runs float32 ReLU and its gradient through oneDNN with the exact values. */
class ReluTest {

    private static final SameDiff GRAPH = SameDiff.create();
    private static final SDVariable X = GRAPH.placeHolder("x", DataType.FLOAT, -1, 4);

    @Test
    void reluIsTheInputWherePositiveElseZero() {
        INDArray input = RandomArrays.gaussian(1, DataType.FLOAT, 3, 5, 7);
        INDArray output = Nd4j.create(DataType.FLOAT, 3, 5, 7);
        run(Relu.of(new RectifiedLinear(GRAPH, X, 0.0)), new INDArray[] {input}, output);
        float[] x = input.data().asFloat();
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.max(x[i], 0f);
        }
        assertArrayEquals(expected, output.data().asFloat());
    }

    @Test
    void theGradientPassesWhereTheInputIsPositiveAndIsZeroTimesItElsewhere() {
        INDArray input = Nd4j.createFromArray(new float[] {-1f, 0f, 2f, 3f, -4f, 0.5f});
        INDArray gradient = Nd4j.createFromArray(new float[] {10f, 20f, 30f, Float.NaN, Float.NaN, -6f});
        INDArray output = Nd4j.create(DataType.FLOAT, 6);
        run(Relu.of(new ThresholdReluBp(GRAPH, X, X, 0.0)), new INDArray[] {input, gradient}, output);
        // as the executor's own step and product: a NaN gradient stays NaN where the input is not positive
        assertArrayEquals(new float[] {0f, 0f, 30f, Float.NaN, Float.NaN, -6f}, output.data().asFloat());
    }

    @Test
    void leavesOtherCutoffsAndFloat64ToTheOps() {
        assertNull(Relu.of(new RectifiedLinear(GRAPH, X, 0.5)));
        assertNull(Relu.of(new ThresholdReluBp(GRAPH, X, X, 1.0)));
        Relu relu = Relu.of(new RectifiedLinear(GRAPH, X, 0.0));
        INDArray input = RandomArrays.gaussian(2, DataType.DOUBLE, 4, 4);
        assertNull(relu.calls(new INDArray[] {input}, new INDArray[] {Nd4j.create(DataType.DOUBLE, 4, 4)},
                new boolean[] {true}));
    }

    private static void run(Relu relu, INDArray[] arguments, INDArray output) {
        assertNotNull(relu);
        List<PlannedCall> calls = relu.calls(arguments, new INDArray[] {output}, new boolean[] {true});
        assertEquals(1, calls.size());
        assertInstanceOf(OneDnnRelu.class, calls.get(0));
        calls.get(0).run();
        calls.get(0).close();
    }
}
