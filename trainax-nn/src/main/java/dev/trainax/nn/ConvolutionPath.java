package dev.trainax.nn;

/**
 * How the 1D convolutions of {@link ConvNet} and {@link ResNet} run. Both give the same values and
 * gradients; which is faster depends on the ND4J native build: its oneDNN builds run ND4J's
 * convolution ops (and their backward passes) an order of magnitude faster than its generic
 * build, whose convolution backward is slower than matrix products.
 */
public enum ConvolutionPath {
    /** Each convolution as one matrix product over the stacked shifted copies of its input. */
    MATRIX_PRODUCT,
    /** ND4J's convolution op with the bias inside, circular padding applied once for all layers. */
    NATIVE;

    /** The system property that overrides the choice: {@code auto} (default), {@code native} or {@code matmul}. */
    public static final String PROPERTY = "trainax.nn.conv1d";

    /**
     * The path 1D stacks take now: {@link #NATIVE} when ND4J runs its ops through oneDNN, else
     * {@link #MATRIX_PRODUCT}, unless {@value #PROPERTY} says otherwise.
     *
     * @throws IllegalArgumentException if the property has another value
     */
    public static ConvolutionPath oneDimensional() {
        String path = System.getProperty(PROPERTY, "auto");
        return switch (path) {
            case "native" -> NATIVE;
            case "matmul" -> MATRIX_PRODUCT;
            case "auto" -> NativeBuild.oneDnn() ? NATIVE : MATRIX_PRODUCT;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be auto, native or matmul, got '" + path + "'");
        };
    }
}
