package dev.trainax.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * "SAME" cross-correlation on cubic grids of {@code n} points per axis written as plain loops, the
 * independent reference for {@link Conv}: {@code y[b,o,p] = bias[o] + Σ_{i,q}
 * w[o,i,q]·x[b,i,map(p + q − before)]}, where {@code map} wraps, mirrors or drops (zero padding)
 * indices outside the grid.
 */
record LoopConvolution(int dims, int n, int kernel, Padding padding, INDArray weight, INDArray bias) {

    private int before() {
        return (kernel - 1) / 2;
    }

    /** The grid index an extended index reads, or −1 for a zero. */
    private int map(int index) {
        if (index >= 0 && index < n) {
            return index;
        }
        return switch (padding) {
            case CIRCULAR -> Math.floorMod(index, n);
            case ZERO -> -1;
            case REFLECT -> index < 0 ? -index : 2 * (n - 1) - index;
        };
    }

    private int points() {
        return (int) Math.pow(n, dims);
    }

    private int taps() {
        return (int) Math.pow(kernel, dims);
    }

    /** Digit {@code axis} of {@code flat} in base {@code base} over {@code dims} digits, most significant first. */
    private int digit(int flat, int base, int axis) {
        return flat / (int) Math.pow(base, dims - 1 - axis) % base;
    }

    /** The flat grid index tap {@code tap} reads for output point {@code point}, or −1. */
    private int source(int point, int tap) {
        int flat = 0;
        for (int axis = 0; axis < dims; axis++) {
            int index = map(digit(point, n, axis) + digit(tap, kernel, axis) - before());
            if (index < 0) {
                return -1;
            }
            flat = flat * n + index;
        }
        return flat;
    }

    INDArray apply(INDArray x, int out) {
        long batch = x.size(0);
        int in = (int) x.size(1);
        double[] input = x.dup().data().asDouble();
        double[] w = weight.dup().data().asDouble();
        double[] y = new double[(int) batch * out * points()];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int p = 0; p < points(); p++) {
                    double sum = bias.getDouble(o);
                    for (int i = 0; i < in; i++) {
                        for (int q = 0; q < taps(); q++) {
                            int s = source(p, q);
                            if (s >= 0) {
                                sum += w[(o * in + i) * taps() + q] * input[(b * in + i) * points() + s];
                            }
                        }
                    }
                    y[(b * out + o) * points() + p] = sum;
                }
            }
        }
        long[] shape = x.shape().clone();
        shape[1] = out;
        return Nd4j.createFromArray(y).reshape(shape);
    }

    /** {@code ∂L/∂w[o,i,q] = Σ_{b,p} g[b,o,p]·x[b,i,map(p + q − before)]}. */
    INDArray weightGradient(INDArray x, INDArray outputGradient) {
        long batch = x.size(0);
        int in = (int) x.size(1);
        int out = (int) outputGradient.size(1);
        double[] input = x.dup().data().asDouble();
        double[] g = outputGradient.dup().data().asDouble();
        double[] dw = new double[out * in * taps()];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int q = 0; q < taps(); q++) {
                        for (int p = 0; p < points(); p++) {
                            int s = source(p, q);
                            if (s >= 0) {
                                dw[(o * in + i) * taps() + q] += g[(b * out + o) * points() + p]
                                        * input[(b * in + i) * points() + s];
                            }
                        }
                    }
                }
            }
        }
        return Nd4j.createFromArray(dw).reshape(weight.shape()).castTo(DataType.DOUBLE);
    }
}
