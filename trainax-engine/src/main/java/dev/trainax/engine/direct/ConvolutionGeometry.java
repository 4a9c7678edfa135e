package dev.trainax.engine.direct;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a {@code conv2d} lays out and walks its arrays, from the op's integer arguments (kernel
 * size, strides, padding, dilations, same mode, data format, kernel format): NHWC images, kernel
 * {@code [kH, kW, in, out]}, strides and zero padding per axis, no dilation. NCHW is left to
 * ND4J: oneDNN on plain NCHW arrays made the 64² UNet step slower (0.76-0.78 s to 0.98-1.10 s in
 * two interleaved pairs), as its fast kernels read channels-last or blocked arrays; ND4J reorders
 * NCHW into a blocked layout per call instead.
 *
 * @param kernelHeight the kernel's taps along the height
 * @param kernelWidth the kernel's taps along the width
 * @param strides the strides along height and width
 * @param padding the zeros before and after along height and width
 */
record ConvolutionGeometry(int kernelHeight, int kernelWidth, long[] strides, long[] padding) {

    /**
     * The geometry of {@code conv2d}'s integer arguments {@code a}, or null for NCHW, dilations,
     * same mode or another kernel format.
     */
    static ConvolutionGeometry of(long[] a) {
        boolean supported = a.length >= 10 && a[0] > 0 && a[1] > 0 && a[2] > 0 && a[3] > 0 && a[4] >= 0
                && a[5] >= 0 && a[6] == 1 && a[7] == 1 && a[8] == 0 && a[9] == 1 && (a.length < 11 || a[10] == 0);
        return supported ? new ConvolutionGeometry(Math.toIntExact(a[0]), Math.toIntExact(a[1]), new long[] {a[2], a[3]},
                new long[] {a[4], a[5]})
                : null;
    }

    /** Whether the strides are 1 and the padding none: the convolutions the tap products cover. */
    boolean unpadded() {
        return strides[0] == 1 && strides[1] == 1 && padding[0] == 0 && padding[1] == 0;
    }

    /**
     * The geometry of the forward convolution that gives this one's input gradient from its output
     * gradient (kernel flipped, in and out swapped): unit strides, padded by kernel − 1 − padding;
     * null unless the strides are 1 and the padding at most kernel − 1.
     */
    ConvolutionGeometry transposed() {
        long height = kernelHeight - 1 - padding[0];
        long width = kernelWidth - 1 - padding[1];
        boolean fits = strides[0] == 1 && strides[1] == 1 && height >= 0 && width >= 0;
        return fits ? new ConvolutionGeometry(kernelHeight, kernelWidth, strides, new long[] {height, width}) : null;
    }

    /** Whether {@code kernel} {@code [kH, kW, in, out]} has this geometry's taps. */
    boolean fitsKernel(INDArray kernel) {
        return kernel.rank() == 4 && kernel.size(0) == kernelHeight && kernel.size(1) == kernelWidth;
    }
}
