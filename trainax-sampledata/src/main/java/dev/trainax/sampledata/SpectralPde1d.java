package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Semilinear PDEs {@code u_t = L u − c·(u²/2)_x + q·u²} on a periodic domain {@code [0, L)} with
 * {@code N} points, {@code L} a constant-coefficient {@link LinearSymbol} (real or complex), stepped
 * with the second-order exponential time-differencing Runge–Kutta scheme of Cox and Matthews
 * (ETDRK2) in Fourier space, with 2/3-rule dealiasing of the quadratic nonlinearity:
 * {@link #burgers viscous Burgers} ({@code L = ν∂ₓ²}, c = 1), {@link #diffusion diffusion}
 * ({@code L = ν∂ₓ²}, c = 0, exact in time), {@link #kuramotoSivashinsky Kuramoto–Sivashinsky} in
 * its conservative form ({@code L = −∂ₓ² − ∂ₓ⁴}, c = 1), {@link #kortewegDeVries Korteweg–de Vries}
 * ({@code L = −ξ∂ₓ³ + ν∂ₓ² − ζ∂ₓ⁴}, c = b) and {@link #fisherKpp Fisher–KPP}
 * ({@code L = ν∂ₓ² + r}, q = −r).
 * ND4J has no FFT, so the real discrete Fourier transform and its inverse are dense real matrices
 * ({@link RealDft}: {@code N × (N/2+1)}, exact, {@code O(N²)} per transform: fine for the grids used here); every
 * operation is a SameDiff op, so the stepper is differentiable and can sit in diverted or mixed
 * chains. States {@code (batch, 1, N)}; without reaction (q = 0) the spatial mean is conserved exactly.
 */
public final class SpectralPde1d implements Stepper {

    /** The PDE's id and a hash of its coefficients: the key of its constants, distinct per parameterisation. */
    private final String name;
    private final int numPoints;
    private final LinearSymbol linearSymbol;
    private final double convection;
    private final double reaction;
    private final double dt;
    private final double length;

    private SpectralPde1d(String name, int numPoints, LinearSymbol linearSymbol, double convection, double reaction,
                          double dt, double length) {
        RealDft.requireGrid(numPoints, dt, length);
        this.numPoints = numPoints;
        this.linearSymbol = linearSymbol;
        this.convection = convection;
        this.reaction = reaction;
        this.dt = dt;
        this.length = length;
        this.name = name + "." + Integer.toHexString(Arrays.deepHashCode(coefficients()));
    }

    /**
     * Viscous Burgers {@code u_t + (u²/2)_x = ν u_xx}.
     *
     * @param numPoints even number of grid points ≥ 4
     * @param viscosity ν ≥ 0
     * @param dt        time step > 0
     * @param length    domain length L > 0
     */
    public static SpectralPde1d burgers(int numPoints, double viscosity, double dt, double length) {
        return new SpectralPde1d("burgers", numPoints, LinearSymbol.diffusion(viscosity), 1.0, 0.0, dt, length);
    }

    /** Diffusion {@code u_t = ν u_xx}, stepped exactly in time; arguments as for {@link #burgers}. */
    public static SpectralPde1d diffusion(int numPoints, double viscosity, double dt, double length) {
        return new SpectralPde1d("diffusion", numPoints, LinearSymbol.diffusion(viscosity), 0.0, 0.0, dt, length);
    }

    /**
     * Kuramoto–Sivashinsky in its conservative form {@code u_t + (u²/2)_x + u_xx + u_xxxx = 0}
     * (exponax's {@code KuramotoSivashinskyConservative}; chaotic for L ≳ 22); the mean is conserved.
     */
    public static SpectralPde1d kuramotoSivashinsky(int numPoints, double dt, double length) {
        return new SpectralPde1d("kuramoto-sivashinsky", numPoints,
                LinearSymbol.derivative(2, -1.0).plus(LinearSymbol.derivative(4, -1.0)), 1.0, 0.0, dt, length);
    }

    /**
     * Korteweg–de Vries in exponax's form {@code u_t + b·(u²/2)_x + ξ u_xxx = ν u_xx − ζ u_xxxx}
     * (exponax's defaults b = −6, ξ = 1, ν = 0: the classic {@code u_t − 6 u u_x + u_xxx = 0}); the
     * mean is conserved. The dispersion is stepped exactly (a phase rotation), the optional
     * diffusion ν and hyper-diffusion ζ damp the high modes.
     *
     * @param numPoints        even number of grid points ≥ 4
     * @param convection       b, any finite value
     * @param dispersivity     ξ, any finite value
     * @param viscosity        ν ≥ 0
     * @param hyperDiffusivity ζ ≥ 0
     * @param dt               time step > 0
     * @param length           domain length L > 0
     */
    public static SpectralPde1d kortewegDeVries(int numPoints, double convection, double dispersivity,
                                                double viscosity, double hyperDiffusivity, double dt,
                                                double length) {
        LinearSymbol symbol = LinearSymbol.derivative(3, -Require.finite("dispersivity", dispersivity))
                .plus(LinearSymbol.diffusion(viscosity)).plus(LinearSymbol.hyperDiffusion(hyperDiffusivity));
        return new SpectralPde1d("korteweg-de-vries", numPoints, symbol, Require.finite("convection", convection),
                0.0, dt, length);
    }

    /**
     * Fisher–KPP {@code u_t = ν u_xx + r u(1 − u)} (exponax's {@code FisherKPP}): the linear part
     * {@code ν∂ₓ² + r} is stepped exactly, the reaction {@code −r u²} explicitly. States in
     * {@code [0, 1]} stay there up to the small over- and undershoots of the spectral scheme
     * and tend to the stable state u = 1.
     *
     * @param numPoints  even number of grid points ≥ 4
     * @param viscosity  ν ≥ 0
     * @param reactivity r ≥ 0
     * @param dt         time step > 0
     * @param length     domain length L > 0
     */
    public static SpectralPde1d fisherKpp(int numPoints, double viscosity, double reactivity, double dt,
                                          double length) {
        Require.that(reactivity >= 0 && Double.isFinite(reactivity), "reactivity", "must be ≥ 0, got " + reactivity);
        return new SpectralPde1d("fisher-kpp", numPoints,
                LinearSymbol.diffusion(viscosity).plus(LinearSymbol.derivative(0, reactivity)), 0.0, -reactivity,
                dt, length);
    }

    private int modes() {
        return RealDft.modes(numPoints);
    }

    private double wavenumber(int k) {
        return 2 * Math.PI * k / length;
    }

    private INDArray matrix(double[][] values) {
        return Nd4j.createFromArray(values);
    }

    /**
     * Per mode, real and imaginary parts of e^{z}, h·φ₁(z) = (e^{z}−1)/L and h·φ₂(z) =
     * (e^{z}−1−z)/(hL²) with z = hL (by their Taylor series near z = 0), then κ·c·mask/2 and
     * q·mask: rows 0–1 decay, 2–3 first, 4–5 second, 6 half wavenumber, 7 reaction.
     */
    private double[][] coefficients() {
        double[][] rows = new double[8][modes()];
        for (int k = 0; k < modes(); k++) {
            double kappa = wavenumber(k);
            double[] symbol = linearSymbol.at(kappa);
            double x = symbol[0] * dt;
            double y = symbol[1] * dt;
            double expX = Math.exp(x);
            rows[0][k] = expX * Math.cos(y);
            rows[1][k] = expX * Math.sin(y);
            // e^z − 1 without cancellation
            double em1Re = Math.expm1(x) * Math.cos(y) - 2 * Math.pow(Math.sin(y / 2), 2);
            double em1Im = expX * Math.sin(y);
            double[] first;
            double[] second;
            if (Math.hypot(x, y) < 1e-3) {
                // φ₁ = 1 + z/2 + z²/6 + z³/24, φ₂ = 1/2 + z/6 + z²/24 + z³/120
                first = series(x, y, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24);
                second = series(x, y, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120);
            } else {
                first = divide(em1Re, em1Im, x, y);
                double[] over = divide(em1Re - x, em1Im - y, x, y);
                second = divide(over[0], over[1], x, y);
            }
            rows[2][k] = dt * first[0];
            rows[3][k] = dt * first[1];
            rows[4][k] = dt * second[0];
            rows[5][k] = dt * second[1];
            boolean kept = 3 * k <= numPoints;
            rows[6][k] = kept ? 0.5 * convection * kappa : 0.0;
            rows[7][k] = kept ? reaction : 0.0;
        }
        return rows;
    }

    /** {@code Σₙ aₙ zⁿ} for {@code z = x + iy}. */
    private static double[] series(double x, double y, double... a) {
        double re = 0;
        double im = 0;
        for (int n = a.length - 1; n >= 0; n--) {
            double r = re * x - im * y + a[n];
            im = re * y + im * x;
            re = r;
        }
        return new double[] {re, im};
    }

    private static double[] divide(double re, double im, double x, double y) {
        double norm = x * x + y * y;
        return new double[] {(re * x + im * y) / norm, (im * x - re * y) / norm};
    }

    /** Accepts states {@code (channels, numPoints)}. */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(1, numPoints, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        String dft = "spectral1d." + numPoints;
        SDVariable c = context.constant(dft + ".C", matrix(RealDft.forward(numPoints, false)));
        SDVariable s = context.constant(dft + ".S", matrix(RealDft.forward(numPoints, true)));
        SDVariable ci = context.constant(dft + ".Ci", matrix(RealDft.inverse(numPoints, false)));
        SDVariable si = context.constant(dft + ".Si", matrix(RealDft.inverse(numPoints, true)));
        double[][] rows = coefficients();
        boolean complex = Arrays.stream(rows[1]).anyMatch(v -> v != 0);
        SDVariable[] decay = complexConstant(context, "decay", rows[0], rows[1], complex);
        boolean nonlinear = convection != 0 || reaction != 0;
        SDVariable[] first = nonlinear ? complexConstant(context, "first", rows[2], rows[3], complex) : null;
        SDVariable[] second = nonlinear ? complexConstant(context, "second", rows[4], rows[5], complex) : null;
        SDVariable halfKappa = convection == 0 ? null
                : context.constant(name + ".halfKappa", Nd4j.createFromArray(rows[6]));
        SDVariable react = reaction == 0 ? null : context.constant(name + ".reaction", Nd4j.createFromArray(rows[7]));

        SDVariable u = state.reshape(-1, numPoints);
        SDVariable[] hat = {u.mmul(c), u.mmul(s)};
        SDVariable[] n0 = nonlinear(graph, u, c, s, halfKappa, react);
        SDVariable[] a = add(times(hat, decay), times(n0, first));
        SDVariable aSpace = a[0].mmul(ci).add(a[1].mmul(si));
        SDVariable[] n1 = nonlinear(graph, aSpace, c, s, halfKappa, react);
        SDVariable[] next = n0 == null ? a : add(a, times(new SDVariable[] {n1[0].sub(n0[0]), n1[1].sub(n0[1])},
                second));
        return graph.reshape(next[0].mmul(ci).add(next[1].mmul(si)), state.shape());
    }

    /** A per-mode complex constant; its imaginary part null where every symbol is real. */
    private SDVariable[] complexConstant(StepContext context, String key, double[] re, double[] im, boolean complex) {
        return new SDVariable[] {context.constant(name + "." + key, Nd4j.createFromArray(re)),
            complex ? context.constant(name + "." + key + "Im", Nd4j.createFromArray(im)) : null};
    }

    /** {@code (a + ib)·(c + id)} per mode; {@code null} stands for zero, a null imaginary factor for a real one. */
    private static SDVariable[] times(SDVariable[] value, SDVariable[] factor) {
        if (value == null) {
            return null;
        }
        if (factor[1] == null) {
            return new SDVariable[] {value[0].mul(factor[0]), value[1].mul(factor[0])};
        }
        return new SDVariable[] {value[0].mul(factor[0]).sub(value[1].mul(factor[1])),
            value[0].mul(factor[1]).add(value[1].mul(factor[0]))};
    }

    private static SDVariable[] add(SDVariable[] x, SDVariable[] y) {
        return y == null ? x : new SDVariable[] {x[0].add(y[0]), x[1].add(y[1])};
    }

    /**
     * Fourier coefficients of {@code −c·(u²/2)_x + q·u²}, dealiased: {@code (q − i c κ/2)·F(u²)}
     * (c and q and the mask folded into halfKappa and react), or null without a nonlinearity.
     */
    private static SDVariable[] nonlinear(SameDiff graph, SDVariable u, SDVariable c, SDVariable s,
                                          SDVariable halfKappa, SDVariable react) {
        if (halfKappa == null && react == null) {
            return null;
        }
        SDVariable square = graph.math().square(u);
        SDVariable re = square.mmul(c);
        SDVariable im = square.mmul(s);
        SDVariable outRe = null;
        SDVariable outIm = null;
        if (halfKappa != null) {
            // −i·(κ/2)·(re + i·im) = (κ/2)·im − i·(κ/2)·re
            outRe = im.mul(halfKappa);
            outIm = re.mul(halfKappa).neg();
        }
        if (react != null) {
            outRe = outRe == null ? re.mul(react) : outRe.add(re.mul(react));
            outIm = outIm == null ? im.mul(react) : outIm.add(im.mul(react));
        }
        return new SDVariable[] {outRe, outIm};
    }
}
