package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.bp.ConcatBp;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Concatenation} gives ND4J's {@code concat} and {@code concat_bp} exactly, in float32 (oneDNN) and float64 (ND4J's copies). */
class ConcatenationTest {

    @ParameterizedTest(name = "axis {0}, {1}")
    @CsvSource({"1, FLOAT", "2, FLOAT", "-1, FLOAT", "2, DOUBLE"})
    void givesND4JsConcatenationAndItsGradient(int axis, DataType type) {
        INDArray[] parts = {RandomArrays.gaussian(1, type, 2, 2, 3, 4), RandomArrays.gaussian(2, type, 2, 2, 3, 4),
                RandomArrays.gaussian(3, type, 2, 2, 3, 4)};
        int along = axis < 0 ? axis + 4 : axis;
        for (int i : new int[] {0, 2}) {
            long[] shape = parts[i].shape();
            shape[along] = i == 0 ? 1 : 2;   // a halo's strips are narrower than the state
            parts[i] = RandomArrays.gaussian(4 + i, type, shape);
        }
        INDArray expected = Nd4j.concat(along, parts);
        INDArray actual = Nd4j.create(type, expected.shape());
        run(Concatenation.of(new Concat(SameDiff.create(), axis, variables(parts))), parts, new INDArray[] {actual},
                new boolean[] {true});
        assertEquals(expected, actual);

        INDArray gradient = RandomArrays.gaussian(9, type, expected.shape());
        INDArray[] arguments = {parts[0], parts[1], parts[2], gradient};
        INDArray[] expectedGradients = new INDArray[3];
        INDArray[] gradients = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            expectedGradients[i] = Nd4j.create(type, parts[i].shape());
            gradients[i] = Nd4j.create(type, parts[i].shape());
        }
        Nd4j.exec(DynamicCustomOp.builder("concat_bp").addInputs(arguments).addOutputs(expectedGradients)
                .addIntegerArguments(axis).build());
        SDVariable[] variables = variables(arguments);
        run(Concatenation.of(new ConcatBp(SameDiff.create(), axis, variables)), arguments, gradients,
                new boolean[] {true, false, true});
        assertEquals(expectedGradients[0], gradients[0]);
        assertEquals(0, gradients[1].norm1Number().doubleValue(), "an unread gradient is not computed");
        assertEquals(expectedGradients[2], gradients[2]);
    }

    @Test
    void leavesPartsThatDoNotAddUpToTheOp() {
        INDArray[] parts = {Nd4j.create(DataType.FLOAT, 2, 3), Nd4j.create(DataType.FLOAT, 2, 3)};
        Concatenation concatenation = Concatenation.of(new Concat(SameDiff.create(), 1, variables(parts)));
        assertNull(concatenation.ops(parts, new INDArray[] {Nd4j.create(DataType.FLOAT, 2, 7)}, new boolean[] {true}));
    }

    private static SDVariable[] variables(INDArray[] arrays) {
        SameDiff graph = SameDiff.create();
        SDVariable[] variables = new SDVariable[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            variables[i] = graph.var("v" + i, arrays[i]);
        }
        return variables;
    }

    private static void run(Concatenation concatenation, INDArray[] arguments, INDArray[] outputs,
                            boolean[] outputsRead) {
        List<PlannedCall> calls = concatenation.calls(arguments, outputs, outputsRead);
        boolean float32 = arguments[0].dataType() == DataType.FLOAT;
        assertEquals(float32, calls.stream().allMatch(call -> call instanceof OneDnnCopy), "oneDNN copies float32");
        calls.forEach(PlannedCall::run);
        calls.forEach(PlannedCall::close);
    }
}
