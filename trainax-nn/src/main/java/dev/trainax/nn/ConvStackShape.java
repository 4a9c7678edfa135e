package dev.trainax.nn;

import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordParameters;

/**
 * The sizes of the convolution stack {@link ConvNet} and {@link ResNet} share, a
 * {@link ParamGroup} of both: their spec parameters {@code spatialDims}, {@code channels} and
 * {@code width}.
 *
 * @param spatialDims spatial axes of the state, 1 to 3
 * @param channels    state channels (input and output)
 * @param width       hidden channels
 */
public record ConvStackShape(
        @Param(value = "spatial axes of the state (1, 2 or 3)", defaultValue = "1", min = 1, max = 3) int spatialDims,
        @Param(value = "state channels", defaultValue = "1", min = 1) int channels,
        @Param(value = "hidden channels", defaultValue = "32", min = 1) int width) {

    /** Validates against the declarations. */
    public ConvStackShape {
        RecordParameters.check(ConvStackShape.class, spatialDims, channels, width);
    }
}
