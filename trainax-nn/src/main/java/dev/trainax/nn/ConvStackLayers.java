package dev.trainax.nn;

import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;

/**
 * How every convolution of the stack {@link ConvNet} and {@link ResNet} share is made, a
 * {@link ParamGroup} of both: their spec parameters {@code kernelSize}, {@code activation},
 * {@code boundaryMode} and {@code convolutionPath}.
 *
 * @param kernelSize      kernel width of every convolution
 * @param activation      the hidden activation
 * @param boundaryMode    the boundary, the padding of every convolution
 * @param convolutionPath how 1D convolutions run
 */
public record ConvStackLayers(
        @Param(value = "kernel width", defaultValue = "3", min = 1) int kernelSize,
        @Param(value = "hidden activation", defaultValue = "relu") Activation activation,
        @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic") BoundaryMode boundaryMode,
        @Param(value = "how 1D convolutions run: auto follows the loaded ND4J native build (native with oneDNN, "
                + "else matmul)", defaultValue = "auto") ConvolutionPath.Choice convolutionPath) {

    /** Validates against the declarations. */
    public ConvStackLayers {
        RecordParameters.check(ConvStackLayers.class, kernelSize, activation, boundaryMode, convolutionPath);
    }
}
