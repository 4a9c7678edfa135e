package dev.trainax.engine.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainax.testkit.RandomArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link OneDnnCopy} copies strided views exactly, from their first element, and declines what it cannot copy. */
class OneDnnCopyTest {

    @Test
    void copiesAStridedWindowIntoADenseArray() {
        INDArray whole = RandomArrays.gaussian(1, DataType.FLOAT, 3, 10, 9, 4);
        INDArray window = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(7, 10), NDArrayIndex.interval(2, 8),
                NDArrayIndex.all());
        INDArray copy = Nd4j.create(DataType.FLOAT, 3, 3, 6, 4);
        run(window, copy);
        assertEquals(window, copy);
    }

    @Test
    void writesOnlyTheWindowOfAStridedDestination() {
        INDArray whole = Nd4j.zeros(DataType.FLOAT, 2, 8, 8, 3);
        INDArray part = RandomArrays.gaussian(2, DataType.FLOAT, 2, 8, 2, 3);
        INDArray window = whole.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(5, 7),
                NDArrayIndex.all());
        run(part, window);
        assertEquals(part, whole.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(5, 7),
                NDArrayIndex.all()));
        assertEquals(part.sumNumber().doubleValue(), whole.sumNumber().doubleValue(), 1e-4, "nothing else written");
    }

    @Test
    void declinesOtherShapesTypesAndEmptyArrays() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        assertNull(OneDnnCopy.of(a, Nd4j.create(DataType.FLOAT, 3, 2)), "another shape");
        assertNull(OneDnnCopy.of(a.castTo(DataType.DOUBLE), Nd4j.create(DataType.DOUBLE, 2, 3)), "float64");
        assertNull(OneDnnCopy.of(Nd4j.create(DataType.FLOAT, 0, 3), Nd4j.create(DataType.FLOAT, 0, 3)), "empty");
    }

    private static void run(INDArray source, INDArray destination) {
        OneDnnCopy copy = OneDnnCopy.of(source, destination);
        assertNotNull(copy);
        copy.run();
        copy.close();
    }
}
