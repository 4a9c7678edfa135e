package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Permute;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Permutation} gives ND4J's {@code permute} exactly, in float32 (oneDNN) and float64 (ND4J's copy). */
class PermutationTest {

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"FLOAT, '0, 2, 3, 1'", "FLOAT, '0, 3, 1, 2'", "FLOAT, '2, 0, 3, 1'", "DOUBLE, '0, 2, 3, 1'"})
    void givesND4JsPermutation(DataType type, String order) {
        int[] axes = java.util.Arrays.stream(order.split(",")).mapToInt(a -> Integer.parseInt(a.trim())).toArray();
        INDArray input = RandomArrays.gaussian(3, type, 2, 3, 5, 4);
        INDArray expected = input.permute(axes).dup('c');
        INDArray actual = Nd4j.create(type, expected.shape());
        SameDiff graph = SameDiff.create();
        Permutation permutation = Permutation.of(new Permute(graph, graph.var("x", input), axes));
        List<PlannedCall> calls = permutation.calls(new INDArray[] {input}, new INDArray[] {actual},
                new boolean[] {true});
        assertEquals(type == DataType.FLOAT, calls.get(0) instanceof OneDnnCopy, "oneDNN copies float32");
        calls.get(0).run();
        calls.get(0).close();
        assertEquals(expected, actual);
    }

    @Test
    void leavesOtherRanksAndShapesToTheOp() {
        Permutation permutation = new Permutation(new int[] {1, 0});
        assertNull(permutation.ops(new INDArray[] {Nd4j.create(DataType.FLOAT, 2, 3, 4)},
                new INDArray[] {Nd4j.create(DataType.FLOAT, 3, 2, 4)}, new boolean[] {true}), "rank 3, two axes");
        assertNull(permutation.ops(new INDArray[] {Nd4j.create(DataType.FLOAT, 2, 3)},
                new INDArray[] {Nd4j.create(DataType.FLOAT, 2, 3)}, new boolean[] {true}), "an output of another shape");
    }
}
