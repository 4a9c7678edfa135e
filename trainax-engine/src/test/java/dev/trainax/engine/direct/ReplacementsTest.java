package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.shape.StridedSlice;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.AddBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.DivBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.SquaredDifferenceBpOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The ops the direct executor runs in place of {@code matmul_bp}, {@code squaredsubtract_bp},
 * broadcasting {@code multiply_bp} and {@code divide_bp}, {@code strided_slice} and legacy means and sums give those
 * ops' results, compute only the
 * outputs read, and decline the arrays they do not handle.
 */
class ReplacementsTest {

    @ParameterizedTest(name = "transposes x {0}, y {1}, result {2}; batch {3}; read {4} {5}")
    @CsvSource({"false, false, false, 0, true, true", "true, false, false, 0, true, true",
            "false, true, false, 0, true, true", "true, true, false, 0, true, true",
            "false, false, true, 0, true, true", "true, false, true, 0, true, true",
            "false, true, true, 2, true, true", "false, false, false, 3, true, true",
            "true, true, false, 2, true, true", "false, false, false, 0, false, true",
            "false, false, false, 2, true, false"})
    void matrixProductBackwardGivesMatmulBp(boolean transposeX, boolean transposeY, boolean transposeResult,
                                            int batch, boolean readX, boolean readY) {
        long a = 3;
        long b = 4;
        long c = 5;
        INDArray x = random(1, batch, transposeX ? new long[] {b, a} : new long[] {a, b});
        INDArray y = random(2, batch, transposeY ? new long[] {c, b} : new long[] {b, c});
        INDArray gradient = random(3, batch, transposeResult ? new long[] {c, a} : new long[] {a, c});
        MMulTranspose transposes = MMulTranspose.builder().transposeA(transposeX).transposeB(transposeY)
                .transposeResult(transposeResult).build();
        INDArray[] expected = {x.ulike(), y.ulike()};
        Nd4j.exec(new MmulBp(x, y, gradient, expected[0], expected[1], transposes));
        INDArray[] actual = {x.ulike(), y.ulike()};
        MatrixProductBackward backward = MatrixProductBackward.of(new MmulBp(x, y, gradient, actual[0], actual[1],
                transposes));
        assertNotNull(backward);
        boolean[] read = {readX, readY};
        try (PlannedOps plan = PlannedOps.run(null, backward, new INDArray[] {x, y, gradient}, actual, read)) {
            assertNotNull(plan);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(read[i] ? expected[i] : expected[i].ulike(), actual[i], "gradient " + i);
        }
    }

    @Test
    void matrixProductBackwardDeclinesVectors() {
        INDArray x = RandomArrays.gaussian(1, DataType.DOUBLE, 4);
        INDArray y = RandomArrays.gaussian(2, DataType.DOUBLE, 4, 5);
        INDArray gradient = RandomArrays.gaussian(3, DataType.DOUBLE, 5);
        MatrixProductBackward backward = MatrixProductBackward.of(new MmulBp(x, y, gradient, x.ulike(), y.ulike(),
                MMulTranspose.allFalse()));
        assertNull(PlannedOps.run(null, backward, new INDArray[] {x, y, gradient},
                new INDArray[] {x.ulike(), y.ulike()}, new boolean[] {true, true}));
    }

    @ParameterizedTest(name = "{0}, read {1} {2}")
    @CsvSource({"FLOAT, true, true", "DOUBLE, true, true", "FLOAT, true, false", "DOUBLE, false, true"})
    void squaredDifferenceBackwardGivesTheOpsBits(DataType type, boolean readX, boolean readY) {
        INDArray x = RandomArrays.gaussian(4, type, 6, 1, 7);
        INDArray y = RandomArrays.gaussian(5, type, 6, 1, 7);
        INDArray gradient = RandomArrays.gaussian(6, type, 6, 1, 7);
        INDArray[] expected = {x.ulike(), x.ulike()};
        Nd4j.exec(DynamicCustomOp.builder("squaredsubtract_bp").addInputs(x, y, gradient).addOutputs(expected)
                .build());
        INDArray[] actual = {x.ulike(), x.ulike()};
        boolean[] read = {readX, readY};
        SquaredDifferenceBackward backward = SquaredDifferenceBackward.of(new SquaredDifferenceBpOp());
        assertNotNull(backward);
        PlannedOps plan = PlannedOps.run(null, backward, new INDArray[] {x, y, gradient}, actual, read);
        assertNotNull(plan);
        // reused while the arrays stay: a second run overwrites, it does not accumulate
        assertEquals(plan, PlannedOps.run(plan, backward, new INDArray[] {x, y, gradient}, actual, read));
        plan.close();
        for (int i = 0; i < 2; i++) {
            assertEquals(read[i] ? expected[i] : expected[i].ulike(), actual[i], "gradient " + i);
        }
    }

    @Test
    void squaredDifferenceBackwardLeavesBroadcastsToTheOp() {
        INDArray x = RandomArrays.gaussian(4, DataType.DOUBLE, 6, 7);
        INDArray y = RandomArrays.gaussian(5, DataType.DOUBLE, 1, 7);
        assertNull(PlannedOps.run(null, SquaredDifferenceBackward.of(new SquaredDifferenceBpOp()),
                new INDArray[] {x, y, x.ulike()}, new INDArray[] {x.ulike(), y.ulike()}, new boolean[] {true, true}));
    }

    @ParameterizedTest(name = "{0}_bp, x [{1}], y [{2}], read {3} {4}")
    @CsvSource(delimiter = ';', value = {"multiply; 3,4,5; 1,4,1; true; true", "multiply; 1,4,1; 3,4,5; true; false",
            "multiply; 3,4,5; 1; false; true", "multiply; 3,1,5; 1,4,1; true; true", "multiply; 3,4,5; 5; true; true",
            "divide; 3,4,5; 1,4,1; true; true", "divide; 3,4,5; 4,5; false; true", "divide; 1,1,5; 3,4,5; true; true",
            "divide; 3,4,5; 3,1,1; true; false", "divide; 3,1,5; 1,4,1; true; true"})
    void broadcastProductBackwardGivesTheOpsGradients(String op, String xShape, String yShape, boolean readX,
                                                       boolean readY) {
        INDArray x = RandomArrays.gaussian(10, DataType.DOUBLE, longs(xShape));
        INDArray y = Transforms.abs(RandomArrays.gaussian(11, DataType.DOUBLE, longs(yShape))).addi(0.5);
        INDArray gradient = RandomArrays.gaussian(12, DataType.DOUBLE,
                Nd4j.exec(DynamicCustomOp.builder(op).addInputs(x, y).build())[0].shape());
        INDArray[] expected = {x.ulike(), y.ulike()};
        Nd4j.exec(DynamicCustomOp.builder(op + "_bp").addInputs(x, y, gradient).addOutputs(expected).build());
        Replacement backward = Replacement.of(op.equals("multiply") ? new MulBpOp() : new DivBpOp());
        assertInstanceOf(BroadcastProductBackward.class, backward);
        INDArray[] actual = {x.ulike(), y.ulike()};
        boolean[] read = {readX, readY};
        try (PlannedOps plan = PlannedOps.run(null, backward, new INDArray[] {x, y, gradient}, actual, read)) {
            assertNotNull(plan);
        }
        for (int i = 0; i < 2; i++) {
            INDArray wanted = read[i] ? expected[i] : expected[i].ulike();
            assertTrue(wanted.equalsWithEps(actual[i], 1e-12), "gradient " + i + ": " + actual[i] + " vs " + wanted);
        }
    }

    @Test
    void broadcastProductBackwardLeavesEqualShapesAndMixedTypesToTheOp() {
        INDArray x = RandomArrays.gaussian(13, DataType.DOUBLE, 3, 4);
        INDArray y = RandomArrays.gaussian(14, DataType.FLOAT, 1, 4);
        BroadcastProductBackward backward = BroadcastProductBackward.of(new MulBpOp());
        assertNull(PlannedOps.run(null, backward, new INDArray[] {x, y, x.ulike()},
                new INDArray[] {x.ulike(), y.ulike()}, new boolean[] {true, true}));
        assertNull(PlannedOps.run(null, backward, new INDArray[] {x, x, x.ulike()},
                new INDArray[] {x.ulike(), x.ulike()}, new boolean[] {true, true}));
        assertNull(Replacement.of(new AddBpOp()));
    }

    @ParameterizedTest(name = "{0} over {1}, keep dimensions {2}")
    @CsvSource({"mean, '', false", "mean, '1', false", "mean, '0,2', true", "sum, '', false", "sum, '2', true",
            "sum, '-1', false"})
    void customReductionGivesTheLegacyOpsResult(String which, String axes, boolean keepDims) {
        INDArray x = RandomArrays.gaussian(7, DataType.FLOAT, 5, 3, 4);
        int[] dimensions = axes.isEmpty() ? new int[0] : java.util.Arrays.stream(axes.split(","))
                .mapToInt(Integer::parseInt).toArray();
        BaseReduceOp legacy = which.equals("mean") ? new Mean(x, keepDims, dimensions) : new Sum(x, keepDims,
                dimensions);
        assertGives(Nd4j.getExecutioner().exec(legacy), CustomReduction.of(legacy), x);
    }

    @Test
    void otherReductionsHaveNoReplacement() {
        assertNull(CustomReduction.of(new Max(RandomArrays.gaussian(8, DataType.FLOAT, 3, 4))));
        assertNull(Replacement.of(new Max(RandomArrays.gaussian(8, DataType.FLOAT, 3, 4))));
    }

    @ParameterizedTest(name = "begin {0}, end {1}, strides {2}, masks begin {3} end {4} shrink {5}")
    @CsvSource(delimiter = ';', value = {"0,0;5,1;1,1;0;0;2", "0,1;5,2;1,1;1;1;2", "1,-3;4,-1;1,1;0;0;0",
            "0,1,0;5,4,3;2,2,1;0;0;0", "-2;5;1;0;0;1", "0,1;0,0;1,1;1;3;0", "2,0,1;0,0,3;1,1,1;6;6;1"})
    void sliceCopyGivesStridedSlice(String begin, String end, String strides, int beginMask, int endMask,
                                    int shrinkMask) {
        INDArray input = RandomArrays.gaussian(9, DataType.FLOAT, 5, 4, 3, 2);
        StridedSlice slice = new StridedSlice(input, longs(begin), longs(end), longs(strides), beginMask, endMask, 0,
                0, shrinkMask);
        assertGives(Nd4j.exec(slice)[0], SliceCopy.of(slice), input);
    }

    /** {@code replacement} (not null) on {@code arguments} writes {@code expected} into its one output. */
    private static void assertGives(INDArray expected, Replacement replacement, INDArray... arguments) {
        assertNotNull(replacement);
        INDArray actual = expected.ulike();
        try (PlannedOps plan = PlannedOps.run(null, replacement, arguments, new INDArray[] {actual},
                new boolean[] {true})) {
            assertNotNull(plan);
        }
        assertEquals(expected, actual);
    }

    @Test
    void sliceCopyLeavesReversalsAndEllipsesToTheOp() {
        INDArray input = RandomArrays.gaussian(9, DataType.FLOAT, 5, 4);
        SliceCopy reversal = SliceCopy.of(new StridedSlice(input, new long[] {4}, new long[] {0}, new long[] {-1}, 0,
                0, 0, 0, 0));
        assertNull(PlannedOps.run(null, reversal, new INDArray[] {input},
                new INDArray[] {Nd4j.create(DataType.FLOAT, 4, 4)}, new boolean[] {true}));
        assertNull(SliceCopy.of(new StridedSlice(input, new long[] {0}, new long[] {1}, new long[] {1}, 0, 0, 1, 0,
                0)));
    }

    private static long[] longs(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static INDArray random(long seed, int batch, long[] matrix) {
        long[] shape = batch == 0 ? matrix : new long[] {batch, matrix[0], matrix[1]};
        return RandomArrays.gaussian(seed, DataType.DOUBLE, shape);
    }
}
