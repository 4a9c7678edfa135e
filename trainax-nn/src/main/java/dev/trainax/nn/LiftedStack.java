package dev.trainax.nn;

import dev.trainax.api.StepContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What pdequinox's sequential networks ({@link DilatedResNet}, {@link ModernResNet}) share: a
 * linear 1×1 lift {@code channels → width} ({@code lift.*}) of the state in the grid layout of
 * {@link SpatialConvolution}, blocks of {@code width → width} convolutions each with an optional
 * group norm ({@code <prefix>norm<j>.*}, {@code <prefix>conv<j>.*}), and a linear 1×1 projection
 * {@code width → channels} ({@code project.*}) back to {@code (batch, channels, *space)}.
 */
record LiftedStack(int spatialDims, int channels, int width, int kernelSize, Padding padding, boolean norm) {

    void initialiseLift(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "lift.", spatialDims, channels, width, 1, true);
    }

    /** The norm (if any) and convolution {@code j} of the block {@code prefix}. */
    void initialiseLayer(Map<String, INDArray> arrays, SplittableRandom random, String prefix, int j) {
        if (norm) {
            GroupNorm.initialise(arrays, prefix + "norm" + j + ".", width);
        }
        Conv.initialise(arrays, random, prefix + "conv" + j + ".", spatialDims, width, width, kernelSize, true);
    }

    void initialiseProjection(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "project.", spatialDims, width, channels, 1, true);
    }

    /** The lifted state, in the grid layout. */
    SDVariable lift(StepContext context, SDVariable state) {
        return SpatialConvolution.apply(context, SpatialConvolution.toGrid(state, spatialDims, context.stateShape()),
                "lift.", spatialDims, channels, width, 1, 1, 1, padding);
    }

    /** Norm {@code j} of the block {@code prefix} applied to {@code x}, or {@code x} without norms. */
    SDVariable normed(StepContext context, SDVariable x, String prefix, int j) {
        return norm ? GroupNorm.apply(context, x, prefix + "norm" + j + ".", width,
                SpatialConvolution.rank(spatialDims)) : x;
    }

    /** Convolution {@code j} of the block {@code prefix}, its taps {@code dilation} apart. */
    SDVariable convolve(StepContext context, SDVariable x, String prefix, int j, int dilation) {
        return SpatialConvolution.apply(context, x, prefix + "conv" + j + ".", spatialDims, width, width, kernelSize,
                dilation, 1, padding);
    }

    /** The projection of {@code x} back to {@code (batch, channels, *space)}. */
    SDVariable project(StepContext context, SDVariable x) {
        SDVariable projected = SpatialConvolution.apply(context, x, "project.", spatialDims, width, channels, 1, 1, 1,
                padding);
        return SpatialConvolution.fromGrid(projected, spatialDims, channels, context.stateShape()[1]);
    }
}
