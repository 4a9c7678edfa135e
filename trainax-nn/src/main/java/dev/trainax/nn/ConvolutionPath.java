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

    /**
     * The path a network asks for, its {@code convolutionPath} parameter ({@code auto},
     * {@code native} or {@code matmul}).
     */
    public enum Choice {
        /** Follow the loaded native build: {@link #NATIVE} when ND4J runs its ops through oneDNN. */
        AUTO,
        /** Always {@link ConvolutionPath#NATIVE}. */
        NATIVE,
        /** Always {@link ConvolutionPath#MATRIX_PRODUCT}. */
        MATMUL;

        /**
         * The path 1D stacks take now; {@link #AUTO} is resolved on every call because ND4J's
         * platform helpers can be switched at run time.
         */
        public ConvolutionPath path() {
            return switch (this) {
                case NATIVE -> ConvolutionPath.NATIVE;
                case MATMUL -> MATRIX_PRODUCT;
                case AUTO -> NativeBuild.oneDnn() ? ConvolutionPath.NATIVE : MATRIX_PRODUCT;
            };
        }
    }
}
