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
 * one kernel size, one activation and one padding.
 */
record ConvStack(int channels, int width, int kernelSize, Activation activation, Padding padding) {

    ConvStack {
        Require.atLeast("channels", channels, 1);
        Require.atLeast("width", width, 1);
        Require.atLeast("kernelSize", kernelSize, 1);
        Require.present("activation", activation);
        Require.present("padding", padding);
    }

    void initialiseLift(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv1d.initialise(arrays, random, "lift.", channels, width, kernelSize, true);
    }

    void initialiseHidden(Map<String, INDArray> arrays, SplittableRandom random, String prefix) {
        Conv1d.initialise(arrays, random, prefix, width, width, kernelSize, true);
    }

    void initialiseProjection(Map<String, INDArray> arrays, SplittableRandom random) {
        Conv1d.initialise(arrays, random, "project.", width, channels, kernelSize, true);
    }

    /** The lifting convolution, without activation. */
    SDVariable lift(StepContext context, SDVariable state) {
        return Conv1d.convolve(context, state, "lift.", kernelSize, width, true, padding);
    }

    /** One hidden convolution with parameters {@code <prefix>weight}, {@code <prefix>bias}, without activation. */
    SDVariable hidden(StepContext context, SDVariable x, String prefix) {
        return Conv1d.convolve(context, x, prefix, kernelSize, width, true, padding);
    }

    /** The projection back to {@code channels}. */
    SDVariable project(StepContext context, SDVariable x) {
        return Conv1d.convolve(context, x, "project.", kernelSize, channels, true, padding);
    }

    /** The activation in the context's graph. */
    SDVariable activate(StepContext context, SDVariable x) {
        return activation.apply(context.graph(), x);
    }

    @Override
    public String toString() {
        return "k=" + kernelSize + ", " + padding + ", " + activation;
    }
}
