package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Float32 {@code matmul} ops planned as calls ({@link PlannedCall#of}) run as oneDNN's matrix
 * product, with ND4J's float64 {@code matmul} results for every combination of transposes, for
 * batches, and for views (row windows of a larger array, as the convolution's tap products use).
 */
class OneDnnMatrixProductTest {

    @ParameterizedTest(name = "batch {0}, {1}x{2} by {2}x{3}, transposes {4}{5}{6}")
    @CsvSource({"0, 32, 30, 30, 0, 0, 0", "0, 32, 30, 30, 1, 0, 0", "0, 7, 5, 3, 0, 1, 0", "0, 7, 5, 3, 1, 1, 1",
            "0, 1, 2, 900, 0, 0, 0", "10, 32, 30, 30, 0, 0, 0", "10, 32, 30, 30, 1, 0, 0", "3, 4, 6, 5, 0, 1, 1"})
    void givesTheFloat64Product(int batch, int rows, int inner, int columns, int transposeX, int transposeY,
                                int transposeZ) {
        INDArray x = RandomArrays.gaussian(1, DataType.DOUBLE, shape(batch, rows, inner, transposeX == 1));
        INDArray y = RandomArrays.gaussian(2, DataType.DOUBLE, shape(batch, inner, columns, transposeY == 1));
        long[] resultShape = shape(batch, rows, columns, transposeZ == 1);
        INDArray expected = Nd4j.create(DataType.DOUBLE, resultShape);
        Nd4j.exec(product(x, y, expected, transposeX, transposeY, transposeZ));
        assertProduct(expected, x.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT), resultShape, transposeX,
                transposeY, transposeZ);
    }

    @Test
    void readsViewsFromTheirFirstElement() {
        INDArray rows = RandomArrays.gaussian(3, DataType.DOUBLE, 40, 6);
        INDArray gradient = RandomArrays.gaussian(4, DataType.DOUBLE, 30, 5);
        for (long shift : new long[] {0, 3, 10}) {
            INDArray window = rows.get(NDArrayIndex.interval(shift, shift + 30), NDArrayIndex.all());
            INDArray expected = Nd4j.create(DataType.DOUBLE, 6, 5);
            Nd4j.exec(product(window, gradient, expected, 1, 0, 0));
            INDArray floatWindow = rows.castTo(DataType.FLOAT).get(NDArrayIndex.interval(shift, shift + 30),
                    NDArrayIndex.all());
            assertProduct(expected, floatWindow, gradient.castTo(DataType.FLOAT), new long[] {6, 5}, 1, 0, 0);
        }
    }

    @Test
    void plansOnceForNewArraysOfTheSameLayout() {
        for (long seed = 10; seed < 13; seed++) {   // a batch that changes every step
            INDArray x = RandomArrays.gaussian(seed, DataType.DOUBLE, 32, 3);
            INDArray y = RandomArrays.gaussian(seed + 100, DataType.DOUBLE, 60, 3);
            INDArray expected = Nd4j.create(DataType.DOUBLE, 32, 60);
            Nd4j.exec(product(x, y, expected, 0, 1, 0));
            assertProduct(expected, x.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT), new long[] {32, 60}, 0, 1, 0);
        }
    }

    @Test
    void leavesFloat64AndMismatchedShapesToTheOp() {
        INDArray x = RandomArrays.gaussian(5, DataType.DOUBLE, 4, 3);
        INDArray y = RandomArrays.gaussian(6, DataType.DOUBLE, 3, 2);
        assertNull(OneDnnMatrixProduct.of(x, y, Nd4j.create(DataType.DOUBLE, 4, 2), false, false, false));
        INDArray xf = x.castTo(DataType.FLOAT);
        INDArray yf = y.castTo(DataType.FLOAT);
        assertNull(OneDnnMatrixProduct.of(xf, yf, Nd4j.create(DataType.FLOAT, 4, 3), false, false, false));
        assertNull(OneDnnMatrixProduct.of(xf, yf.reshape(1, 3, 2), Nd4j.create(DataType.FLOAT, 1, 4, 2), false,
                false, false));
    }

    private static void assertProduct(INDArray expected, INDArray x, INDArray y, long[] resultShape, int transposeX,
                                      int transposeY, int transposeZ) {
        INDArray actual = Nd4j.create(DataType.FLOAT, resultShape);
        PlannedCall call = PlannedCall.of(product(x, y, actual, transposeX, transposeY, transposeZ));
        assertInstanceOf(OneDnnMatrixProduct.class, call);
        call.run();
        call.close();
        assertEquals(0, expected.sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.norm2Number().doubleValue(), 1e-6);
    }

    private static long[] shape(int batch, long rows, long columns, boolean transposed) {
        long[] matrix = transposed ? new long[] {columns, rows} : new long[] {rows, columns};
        return batch == 0 ? matrix : new long[] {batch, matrix[0], matrix[1]};
    }

    private static DynamicCustomOp product(INDArray x, INDArray y, INDArray z, int transposeX, int transposeY,
                                           int transposeZ) {
        return DynamicCustomOp.builder("matmul").addInputs(x, y).addOutputs(z)
                .addIntegerArguments(transposeX, transposeY, transposeZ).build();
    }
}
