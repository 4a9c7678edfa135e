package dev.trainax.nn;

import dev.trainax.api.Require;
import dev.trainax.api.StepContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link ConvNet} and {@link ResNet} share: a lifting convolution from {@code channels} to
 * {@code width}, hidden {@code width → width} convolutions, and a projection back, all with bias,
 * one number of spatial axes, one kernel size, one activation and one padding.
 */
record ConvStack(int spatialDims, int channels, int width, int kernelSize, Activation activation, Padding padding) {

    ConvStack {
        Conv.checkSpatialDims(spatialDims);
        Require.atLeast("channels", channels, 1);
        Require.atLeast("width", width, 1);
        Require.atLeast("kernelSize", kernelSize, 1);
        Require.present("activation", activation);
        Require.present("padding", padding);
    }

    void initialiseLift(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "lift.", spatialDims, channels, width, kernelSize, true);
    }

    void initialiseHidden(Map<String, INDArray> arrays, SplittableRandom random, String prefix) {
        Conv.initialise(arrays, random, prefix, spatialDims, width, width, kernelSize, true);
    }

    void initialiseProjection(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv.initialise(arrays, random, "project.", spatialDims, width, channels, kernelSize, true);
    }

    /** The lifting convolution, without activation. */
    SDVariable lift(StepContext context, SDVariable state) {
        return Conv.convolve(context, state, "lift.", spatialDims, kernelSize, width, true, padding);
    }

    /** One hidden convolution with parameters {@code <prefix>weight}, {@code <prefix>bias}, without activation. */
    SDVariable hidden(StepContext context, SDVariable x, String prefix) {
        return Conv.convolve(context, x, prefix, spatialDims, kernelSize, width, true, padding);
    }

    /** The projection back to {@code channels}. */
    SDVariable project(StepContext context, SDVariable x) {
        return Conv.convolve(context, x, "project.", spatialDims, kernelSize, channels, true, padding);
    }

    /** The activation in the context's graph. */
    SDVariable activate(StepContext context, SDVariable x) {
        return activation.apply(context.graph(), x);
    }

    @Override
    public String toString() {
        return spatialDims + "d, k=" + kernelSize + ", " + padding + ", " + activation;
    }
}
