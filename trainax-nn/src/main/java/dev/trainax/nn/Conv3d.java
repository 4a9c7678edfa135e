package dev.trainax.nn;

/** A {@link Conv} over states {@code (batch, channels, depth, height, width)}, as Equinox's {@code Conv3d}. */
public final class Conv3d extends Conv {

    /**
     * A circular convolution.
     *
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width, at least 1
     * @param useBias     whether a bias is added
     */
    public Conv3d(int inChannels, int outChannels, int kernelSize, boolean useBias) {
        this(inChannels, outChannels, kernelSize, useBias, Padding.CIRCULAR);
    }

    /** A convolution with the given {@code padding}; other arguments as {@link #Conv3d(int, int, int, boolean)}. */
    public Conv3d(int inChannels, int outChannels, int kernelSize, boolean useBias, Padding padding) {
        super(3, inChannels, outChannels, kernelSize, useBias, padding);
    }

    /** The convolution {@code options} describe. */
    public Conv3d(StepperOptions options) {
        this(options.channels(), options.channels(), options.kernelSize(), options.useBias(),
                options.boundaryMode().padding());
    }
}
