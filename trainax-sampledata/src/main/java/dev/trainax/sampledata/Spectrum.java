package dev.trainax.sampledata;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Complex Fourier coefficients in a SameDiff graph as their real and imaginary parts, with the
 * per-mode complex arithmetic of the spectral steppers (ND4J M2.1 has no complex type).
 *
 * @param re the real parts
 * @param im the imaginary parts
 */
record Spectrum(SDVariable re, SDVariable im) {

    /**
     * A per-mode constant factor; its imaginary part {@code null} where the factor is real, which
     * saves half the multiplications.
     *
     * @param re the real parts
     * @param im the imaginary parts, or {@code null} for a real factor
     */
    record Factor(SDVariable re, SDVariable im) {
    }

    /** {@code this · factor} per mode. */
    Spectrum times(Factor factor) {
        if (factor.im() == null) {
            return new Spectrum(re.mul(factor.re()), im.mul(factor.re()));
        }
        return new Spectrum(re.mul(factor.re()).sub(im.mul(factor.im())),
                re.mul(factor.im()).add(im.mul(factor.re())));
    }

    /** {@code i · c · this} per mode for a real factor {@code c} (a derivative, for instance). */
    Spectrum timesImaginary(SDVariable c) {
        return new Spectrum(im.mul(c).neg(), re.mul(c));
    }

    /** {@code this · c} for a real scalar. */
    Spectrum times(double c) {
        return new Spectrum(re.mul(c), im.mul(c));
    }

    Spectrum plus(Spectrum other) {
        return new Spectrum(re.add(other.re), im.add(other.im));
    }

    Spectrum minus(Spectrum other) {
        return new Spectrum(re.sub(other.re), im.sub(other.im));
    }
}
