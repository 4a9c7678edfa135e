package dev.trainax.sampledata;

import dev.trainax.api.internal.Require;

/**
 * The Fourier symbol of a linear operator with constant coefficients along one axis,
 * {@code L = Σₙ aₙ ∂ⁿ} with symbol {@code L(κ) = Σₙ aₙ (iκ)ⁿ}: real for even orders (diffusion,
 * hyper-diffusion: decay), imaginary for odd ones (advection, dispersion: a phase rotation).
 * The exact step of {@code u_t = L u} multiplies each mode by {@code exp(Δt·L(κ))}; on the real DFT
 * this is the real matrix of {@link #stepMatrix}.
 *
 * @param coefficients {@code aₙ}, the coefficient of {@code ∂ⁿ} at index n
 */
record LinearSymbol(double... coefficients) {

    LinearSymbol {
        coefficients = coefficients.clone();
    }

    /** {@code −c ∂ₓ}: the advection term of {@code u_t + c u_x = 0}, symbol {@code −icκ}. */
    static LinearSymbol advection(String name, double velocity) {
        return derivative(1, -Require.finite(name, velocity));
    }

    /** {@code ν ∂ₓ²}, symbol {@code −νκ²}. */
    static LinearSymbol diffusion(double viscosity) {
        return derivative(2, nonNegative("viscosity", viscosity));
    }

    /** {@code ξ ∂ₓ³}, symbol {@code −iξκ³}. */
    static LinearSymbol dispersion(double dispersivity) {
        return derivative(3, Require.finite("dispersivity", dispersivity));
    }

    /** {@code −ζ ∂ₓ⁴}, symbol {@code −ζκ⁴}. */
    static LinearSymbol hyperDiffusion(double hyperDiffusivity) {
        return derivative(4, -nonNegative("hyperDiffusivity", hyperDiffusivity));
    }

    private static double nonNegative(String name, double value) {
        Require.that(value >= 0 && Double.isFinite(value), name, "must be ≥ 0, got " + value);
        return value;
    }

    /** {@code a ∂ⁿ}. */
    static LinearSymbol derivative(int order, double coefficient) {
        double[] terms = new double[order + 1];
        terms[order] = coefficient;
        return new LinearSymbol(terms);
    }

    /** The operator {@code L + other}. */
    LinearSymbol plus(LinearSymbol other) {
        double[] sum = new double[Math.max(coefficients.length, other.coefficients.length)];
        for (int n = 0; n < sum.length; n++) {
            sum[n] = (n < coefficients.length ? coefficients[n] : 0) + (n < other.coefficients.length
                    ? other.coefficients[n] : 0);
        }
        return new LinearSymbol(sum);
    }

    /** {@code {Re L(κ), Im L(κ)}}, with {@code (iκ)ⁿ} cycling through {@code κⁿ·(1, i, −1, −i)}. */
    double[] at(double kappa) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < coefficients.length; n++) {
            double term = coefficients[n] * Math.pow(kappa, n);
            switch (n % 4) {
                case 0 -> re += term;
                case 1 -> im += term;
                case 2 -> re -= term;
                default -> im -= term;
            }
        }
        return new double[] {re, im};
    }

    /**
     * The real {@code N × N} matrix {@code M} with {@code u·M = irfft(exp(Δt·L(κ_k)) ⊙ rfft(u))},
     * {@code κ_k = 2πk/L}: the exact step along one axis of a periodic grid. As with numpy's
     * {@code irfft}, the Nyquist mode keeps only the real part of its multiplier.
     */
    double[][] stepMatrix(int numPoints, double dt, double length) {
        RealDft.requireGrid(numPoints, dt, length);
        double[] re = new double[RealDft.modes(numPoints)];
        double[] im = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            double[] symbol = at(2 * Math.PI * k / length);
            double magnitude = Math.exp(dt * symbol[0]);
            re[k] = magnitude * Math.cos(dt * symbol[1]);
            im[k] = magnitude * Math.sin(dt * symbol[1]);
        }
        return RealDft.fourierMultiplier(numPoints, re, im);
    }
}
