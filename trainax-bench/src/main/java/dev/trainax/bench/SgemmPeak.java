package dev.trainax.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One core's practical float32 peak: the best of five 2048 x 2048 matrix products through ND4J's
 * native library (its BLAS), with one OpenMP thread as the bench runs.
 */
final class SgemmPeak {

    private static final int SIZE = 2048;

    private SgemmPeak() {
    }

    /** GFLOP/s of the fastest of five products, after two untimed ones. */
    static double gflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray c = Nd4j.create(DataType.FLOAT, SIZE, SIZE);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            if (i >= 2) {
                best = Math.min(best, System.nanoTime() - start);
            }
        }
        return 2.0 * SIZE * SIZE * SIZE / best;
    }
}
