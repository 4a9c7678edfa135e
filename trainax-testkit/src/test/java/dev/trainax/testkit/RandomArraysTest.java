package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class RandomArraysTest {

    @Test
    void aSeedFixesTheValuesInShapeAndType() {
        INDArray drawn = RandomArrays.gaussian(42, DataType.FLOAT, 2, 3);
        assertArrayEquals(new long[] {2, 3}, drawn.shape());
        assertEquals(DataType.FLOAT, drawn.dataType());
        Random reference = new Random(42);
        for (int i = 0; i < 6; i++) {
            assertEquals((float) reference.nextGaussian(), drawn.getFloat(i / 3, i % 3), 0f);
        }
        assertEquals(drawn, RandomArrays.gaussian(42, DataType.FLOAT, 2, 3));
        assertNotEquals(drawn, RandomArrays.gaussian(43, DataType.FLOAT, 2, 3));
    }

    @Test
    void aNegativeSizeIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RandomArrays.gaussian(1, DataType.DOUBLE, 2, -1));
        assertEquals("shape: sizes must be >= 0, got [2, -1]", error.getMessage());
    }
}
