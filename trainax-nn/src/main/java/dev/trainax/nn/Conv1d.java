package dev.trainax.nn;

import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordParameters;

/** A {@link Conv} over states {@code (batch, channels, points)}, as Equinox's {@code Conv1d}. */
public final class Conv1d extends Conv {

    /**
     * The parameters of the {@code conv1d} plugin: a stepper's convolution, as many output as input channels.
     *
     * @param channels   input and output channels
     * @param kernelSize kernel width along every axis
     * @param useBias    whether a bias is added
     * @param boundaryMode the boundary, the convolution's padding
     */
    public record Options(
            @Param(value = "input and output channels", defaultValue = "1", min = 1) int channels,
            @Param(value = "kernel width along every axis", defaultValue = "2", min = 1) int kernelSize,
            @Param(value = "add a bias", defaultValue = "false") boolean useBias,
            @Param(value = BoundaryMode.DESCRIPTION, defaultValue = "periodic") BoundaryMode boundaryMode) {

        /** Validates against the declarations. */
        public Options {
            RecordParameters.check(Options.class, channels, kernelSize, useBias, boundaryMode);
        }
    }

    /**
     * A circular convolution.
     *
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width, at least 1
     * @param useBias     whether a bias is added
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, boolean useBias) {
        this(inChannels, outChannels, kernelSize, useBias, Padding.CIRCULAR);
    }

    /** A convolution with the given {@code padding}; other arguments as {@link #Conv1d(int, int, int, boolean)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, boolean useBias, Padding padding) {
        super(1, inChannels, outChannels, kernelSize, useBias, padding);
    }

    /** The convolution {@code options} describe. */
    public Conv1d(Options options) {
        this(options.channels(), options.channels(), options.kernelSize(), options.useBias(),
                options.boundaryMode().padding());
    }
}
