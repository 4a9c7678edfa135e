package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.testkit.RandomArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * {@link DirectExecutor} folds a ReLU into the convolution that computes its input where only the
 * ReLU and its gradient read that input, with SameDiff's own losses and gradients; it leaves the
 * ReLU alone where the raw convolution is read elsewhere.
 */
class FusedReluTest {

    @ParameterizedTest(name = "{3}")
    @CsvSource({"false, FLOAT, 2, both ReLUs folded",
            "true, FLOAT, 1, the first convolution's raw output also enters the loss: its ReLU stays",
            "false, DOUBLE, 2, folded but run by the ReLU itself: oneDNN runs float32 convolutions only"})
    void foldsReluIntoItsConvolutionWithSameDiffsGradients(boolean rawRead, DataType type, int folded, String name) {
        SameDiff graph = network(rawRead, type);
        DirectExecutor executor = DirectExecutor.forOutputs(graph.getFunction("grad"), outputs(graph), 0);
        assertEquals(folded, executor.fusedRelus(), name);
        assertSameAsSameDiff(graph, executor);
    }

    /** Two 3x3 NHWC convolutions with ReLU, a sum of squares; with {@code rawRead} the first convolution's raw output is added to the loss. */
    private static SameDiff network(boolean rawRead, DataType type) {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", type, -1, 9, 8, 3);
        SDVariable w1 = graph.var("w1", RandomArrays.gaussian(2, type, 3, 3, 3, 4).muli(0.4));
        SDVariable b1 = graph.var("b1", RandomArrays.gaussian(3, type, 4).muli(0.2));
        SDVariable w2 = graph.var("w2", RandomArrays.gaussian(4, type, 3, 3, 4, 2).muli(0.4));
        SDVariable b2 = graph.var("b2", RandomArrays.gaussian(5, type, 2).muli(0.2));
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").build();
        SDVariable raw = graph.cnn().conv2d(x, w1, b1, config);
        SDVariable hidden = graph.nn().relu(raw, 0);
        SDVariable out = graph.nn().relu(graph.cnn().conv2d(hidden, w2, b2, config), 0);
        SDVariable loss = out.mul(out).sum();
        if (rawRead) {
            loss = loss.add(raw.sum());
        }
        loss.rename("loss");
        graph.setLossVariables("loss");
        graph.createGradFunction();
        return graph;
    }

    private static List<String> outputs(SameDiff graph) {
        List<String> outputs = new ArrayList<>(List.of("loss"));
        for (String name : List.of("w1", "b1", "w2", "b2")) {
            outputs.add(graph.getVariable(name).getGradient().name());
        }
        return outputs;
    }

    private static INDArray input(SameDiff graph) {
        return RandomArrays.gaussian(1, graph.getVariable("x").dataType(), 2, 9, 8, 3);
    }

    /** Two calls (plans made, then reused) give SameDiff's loss and gradients. */
    private static void assertSameAsSameDiff(SameDiff graph, DirectExecutor executor) {
        Map<String, INDArray> expected = graph.getFunction("grad").output(Map.of("x", input(graph)), outputs(graph));
        for (int call = 0; call < 2; call++) {
            Map<String, INDArray> actual = executor.run(Map.of("x", input(graph)));
            for (String name : outputs(graph)) {
                INDArray e = expected.get(name);
                assertEquals(0, e.sub(actual.get(name)).norm2Number().doubleValue()
                        / e.norm2Number().doubleValue(), 1e-6, name);
            }
        }
        executor.close();
    }
}
