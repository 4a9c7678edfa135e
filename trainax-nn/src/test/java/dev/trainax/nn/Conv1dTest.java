package dev.trainax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class Conv1dTest {

    private static double[] padded(Padding padding, int left, int right) {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", DataType.DOUBLE, -1, 1, 5);
        SDVariable out = padding.pad(graph, x, 2, left, right);
        return graph.outputSingle(Map.of("x", Nd4j.createFromArray(1.0, 2, 3, 4, 5).reshape(1, 1, 5)), out.name())
                .ravel().toDoubleVector();
    }

    private static double[] shifted(Padding padding, int offset) {
        SameDiff graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", DataType.DOUBLE, -1, 1, 5);
        SDVariable out = padding.shifted(graph, x, 2, offset);
        return graph.outputSingle(Map.of("x", Nd4j.createFromArray(1.0, 2, 3, 4, 5).reshape(1, 1, 5)), out.name())
                .ravel().toDoubleVector();
    }

    @Test
    void shiftedWindowsOfThePaddedAxis() {
        assertArrayEquals(new double[] {3, 4, 5, 1, 2}, shifted(Padding.CIRCULAR, 2));
        assertArrayEquals(new double[] {5, 1, 2, 3, 4}, shifted(Padding.CIRCULAR, -1));
        assertArrayEquals(new double[] {2, 3, 4, 5, 0}, shifted(Padding.ZERO, 1));
        assertArrayEquals(new double[] {0, 0, 1, 2, 3}, shifted(Padding.ZERO, -2));
        assertArrayEquals(new double[] {3, 4, 5, 4, 3}, shifted(Padding.REFLECT, 2));
        assertArrayEquals(new double[] {2, 1, 2, 3, 4}, shifted(Padding.REFLECT, -1));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, shifted(Padding.ZERO, 0));
    }

    @Test
    void paddingModesExtendBothEnds() {
        assertArrayEquals(new double[] {4, 5, 1, 2, 3, 4, 5, 1}, padded(Padding.CIRCULAR, 2, 1));
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 5, 0}, padded(Padding.ZERO, 2, 1));
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 4, 5, 4, 3}, padded(Padding.REFLECT, 2, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 1}, padded(Padding.CIRCULAR, 0, 1));
    }
}
