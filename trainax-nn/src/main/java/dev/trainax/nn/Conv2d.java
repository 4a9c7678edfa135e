package dev.trainax.nn;

/** A {@link Conv} over states {@code (batch, channels, height, width)}, as Equinox's {@code Conv2d}. */
public final class Conv2d extends Conv {

    /**
     * A circular convolution.
     *
     * @param inChannels  input channels
     * @param outChannels output channels (equal to the input for a stepper)
     * @param kernelSize  kernel width, at least 1
     * @param useBias     whether a bias is added
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, boolean useBias) {
        this(inChannels, outChannels, kernelSize, useBias, Padding.CIRCULAR);
    }

    /** A convolution with the given {@code padding}; other arguments as {@link #Conv2d(int, int, int, boolean)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, boolean useBias, Padding padding) {
        super(2, inChannels, outChannels, kernelSize, useBias, padding);
    }

    /** The convolution {@code options} describe. */
    public Conv2d(StepperOptions options) {
        this(options.channels(), options.channels(), options.kernelSize(), options.useBias(),
                options.boundaryMode().padding());
    }
}
