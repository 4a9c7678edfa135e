package dev.trainax.sampledata;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Exponential time-differencing Runge–Kutta schemes of Cox and Matthews for {@code û_t = L û +
 * N(û)} per Fourier mode, {@code L} diagonal (exact in time) and {@code N} explicit. Their
 * coefficients are the φ-functions of {@code z = Δt·L}, computed once in double by the
 * contour-integral mean of Kassam and Trefethen (as exponax does: {@value #CIRCLE_POINTS} points on
 * a circle of radius 1 around each {@code z}), which avoids the cancellation of the closed forms
 * near {@code z = 0} and works for complex symbols.
 */
public enum EtdScheme {
    /** Second order: {@code a = e^z û + Δt φ₁ N(û)}, {@code û' = a + Δt φ₂ (N(a) − N(û))}. */
    ETDRK2,
    /**
     * Fourth order (Cox–Matthews ETDRK4): three stages at {@code Δt/2} with {@code e^{z/2}} and
     * {@code Q = Δt φ₁(z/2)/2}, combined with the weights {@code f₁, 2f₂, f₃} of Kassam–Trefethen.
     */
    ETDRK4;

    /** Points on the contour of the coefficient integral. */
    static final int CIRCLE_POINTS = 16;

    /**
     * The per-mode coefficient arrays, real and imaginary parts alternating, for the symbol
     * {@code L = re + i·im} per mode: {@code e^z, Δt φ₁, Δt φ₂} (ETDRK2) or {@code e^z, e^{z/2}, Q,
     * f₁, 2f₂, f₃} (ETDRK4).
     */
    List<double[]> coefficients(double dt, double[] re, double[] im) {
        List<UnaryOperator<Complex>> perMode = this == ETDRK2
                ? List.of(Complex::exp, contour(dt, r -> r.expm1().over(r)),
                        contour(dt, r -> r.expm1().minus(r).over(r.times(r))))
                : List.of(Complex::exp, z -> z.scale(0.5).exp(), contour(dt, r -> r.scale(0.5).expm1().over(r)),
                        contour(dt, r -> Complex.real(-4).minus(r).plus(r.exp().times(
                                Complex.real(4).minus(r.scale(3)).plus(r.times(r)))).over(r.cube())),
                        contour(dt, r -> Complex.real(2).plus(r).plus(r.exp().times(r.plus(Complex.real(-2))))
                                .over(r.cube()).scale(2)),
                        contour(dt, r -> Complex.real(-4).minus(r.scale(3)).minus(r.times(r)).plus(r.exp().times(
                                Complex.real(4).minus(r))).over(r.cube())));
        double[][] rows = new double[2 * perMode.size()][re.length];
        for (int mode = 0; mode < re.length; mode++) {
            Complex z = new Complex(dt * re[mode], dt * im[mode]);
            for (int f = 0; f < perMode.size(); f++) {
                Complex value = perMode.get(f).apply(z);
                rows[2 * f][mode] = value.re();
                rows[2 * f + 1][mode] = value.im();
            }
        }
        return List.of(rows);
    }

    /** {@code z ↦ Δt·mean of φ over the contour around z}. */
    private static UnaryOperator<Complex> contour(double dt, UnaryOperator<Complex> phi) {
        return z -> contourMean(phi, z).scale(dt);
    }

    private static Complex contourMean(UnaryOperator<Complex> function, Complex z) {
        Complex sum = Complex.real(0);
        for (int j = 0; j < CIRCLE_POINTS; j++) {
            double angle = 2 * Math.PI * (j + 0.5) / CIRCLE_POINTS;
            sum = sum.plus(function.apply(z.plus(new Complex(Math.cos(angle), Math.sin(angle)))));
        }
        return sum.scale(1.0 / CIRCLE_POINTS);
    }

    /**
     * One step of {@code hat} with the coefficient factors of {@link #coefficients} (in their
     * order) and the nonlinearity {@code n}, which maps the spectrum of a stage to that of its
     * explicit term {@code N}.
     */
    Spectrum step(Spectrum hat, List<Spectrum.Factor> c, UnaryOperator<Spectrum> n) {
        Spectrum nu = n.apply(hat);
        if (this == ETDRK2) {
            Spectrum a = hat.times(c.get(0)).plus(nu.times(c.get(1)));
            return a.plus(n.apply(a).minus(nu).times(c.get(2)));
        }
        Spectrum half = hat.times(c.get(1));
        Spectrum a = half.plus(nu.times(c.get(2)));
        Spectrum na = n.apply(a);
        Spectrum b = half.plus(na.times(c.get(2)));
        Spectrum nb = n.apply(b);
        Spectrum cStage = a.times(c.get(1)).plus(nb.times(2.0).minus(nu).times(c.get(2)));
        Spectrum nc = n.apply(cStage);
        return hat.times(c.get(0)).plus(nu.times(c.get(3))).plus(na.plus(nb).times(c.get(4)))
                .plus(nc.times(c.get(5)));
    }

    /** A complex number of the coefficient computation. */
    private record Complex(double re, double im) {
        static Complex real(double value) {
            return new Complex(value, 0);
        }

        Complex plus(Complex o) {
            return new Complex(re + o.re, im + o.im);
        }

        Complex minus(Complex o) {
            return new Complex(re - o.re, im - o.im);
        }

        Complex times(Complex o) {
            return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        Complex scale(double s) {
            return new Complex(s * re, s * im);
        }

        Complex over(Complex o) {
            double norm = o.re * o.re + o.im * o.im;
            return new Complex((re * o.re + im * o.im) / norm, (im * o.re - re * o.im) / norm);
        }

        Complex cube() {
            return times(this).times(this);
        }

        Complex exp() {
            double magnitude = Math.exp(re);
            return new Complex(magnitude * Math.cos(im), magnitude * Math.sin(im));
        }

        /** {@code e^z − 1}, without cancellation for small real parts. */
        Complex expm1() {
            double sinHalf = Math.sin(im / 2);
            return new Complex(Math.expm1(re) * Math.cos(im) - 2 * sinHalf * sinHalf, Math.exp(re) * Math.sin(im));
        }
    }
}
