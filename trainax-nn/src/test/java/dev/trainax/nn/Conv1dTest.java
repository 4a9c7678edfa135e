package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class Conv1dTest {

    @Test
    void circularPadWrapsBothEnds() {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", DataType.DOUBLE, -1, 1, 5);
        SDVariable padded = Conv1d.circularPad(graph, x, 2, 1);
        double[] out = graph.outputSingle(java.util.Map.of("x",
                Nd4j.createFromArray(1.0, 2, 3, 4, 5).reshape(1, 1, 5)), padded.name()).ravel().toDoubleVector();
        assertArrayEquals(new double[] {4, 5, 1, 2, 3, 4, 5, 1}, out);
    }
}
