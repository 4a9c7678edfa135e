package dev.trainax.nn;

/**
 * The physical boundary a convolutional network assumes, pdequinox's {@code boundary_mode}: the
 * spec parameter {@code boundaryMode} of every convolutional network, each mode one
 * {@link Padding} of every convolution.
 */
public enum BoundaryMode {
    /** A periodic domain: circular padding. */
    PERIODIC(Padding.CIRCULAR),
    /** Zero values beyond the boundary: zero padding. */
    DIRICHLET(Padding.ZERO),
    /** Zero normal derivative: the state mirrored without repeating the edge value (jnp/PyTorch "reflect"). */
    NEUMANN(Padding.REFLECT);

    /** The description of every network's {@code boundaryMode} parameter. */
    static final String DESCRIPTION = "boundary of the domain: periodic (circular padding), dirichlet (zero padding) "
            + "or neumann (reflect padding)";

    private final Padding padding;

    BoundaryMode(Padding padding) {
        this.padding = padding;
    }

    /** The padding of every convolution under this boundary. */
    public Padding padding() {
        return padding;
    }
}
