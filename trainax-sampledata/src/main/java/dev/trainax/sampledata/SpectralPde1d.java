package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Semilinear PDEs {@code u_t = L u − c·(u²/2)_x + q·u²} on a periodic domain {@code [0, L)} with
 * {@code N} points, {@code L} a constant-coefficient {@link LinearSymbol} (real or complex), stepped
 * in Fourier space with an exponential time-differencing Runge–Kutta scheme of Cox and Matthews
 * ({@link EtdScheme#ETDRK2} by default, {@link EtdScheme#ETDRK4} through {@link #withScheme}), with
 * 2/3-rule dealiasing of the quadratic nonlinearity:
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
public final class SpectralPde1d extends EtdPde {

    /** Orszag's rule for the quadratic nonlinearity, exponax's default. */
    private static final double DEALIASING = 2.0 / 3;

    private final String id;
    private final int numPoints;
    private final LinearSymbol linearSymbol;
    private final double convection;
    private final double reaction;
    private final double dt;
    private final double length;

    private SpectralPde1d(String id, int numPoints, LinearSymbol linearSymbol, double convection, double reaction,
                          double dt, double length, EtdScheme scheme) {
        super(id, new FourierGrid(1, numPoints, 1, length), symbol(numPoints, linearSymbol, length), scheme, dt, 1,
                (context, grid, key) -> explicitTerm(context, grid, key, convection, reaction), convection, reaction);
        this.id = id;
        this.numPoints = numPoints;
        this.linearSymbol = linearSymbol;
        this.convection = convection;
        this.reaction = reaction;
        this.dt = dt;
        this.length = length;
    }

    /** This PDE stepped with {@code scheme} instead. */
    public SpectralPde1d withScheme(EtdScheme scheme) {
        return new SpectralPde1d(id, numPoints, linearSymbol, convection, reaction, dt, length, scheme);
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
        return new SpectralPde1d("burgers", numPoints, LinearSymbol.diffusion(viscosity), 1.0, 0.0, dt, length,
                EtdScheme.ETDRK2);
    }

    /** Diffusion {@code u_t = ν u_xx}, stepped exactly in time; arguments as for {@link #burgers}. */
    public static SpectralPde1d diffusion(int numPoints, double viscosity, double dt, double length) {
        return new SpectralPde1d("diffusion", numPoints, LinearSymbol.diffusion(viscosity), 0.0, 0.0, dt, length,
                EtdScheme.ETDRK2);
    }

    /**
     * Kuramoto–Sivashinsky in its conservative form {@code u_t + (u²/2)_x + u_xx + u_xxxx = 0}
     * (exponax's {@code KuramotoSivashinskyConservative}; chaotic for L ≳ 22); the mean is conserved.
     */
    public static SpectralPde1d kuramotoSivashinsky(int numPoints, double dt, double length) {
        return new SpectralPde1d("kuramoto-sivashinsky", numPoints,
                LinearSymbol.derivative(2, -1.0).plus(LinearSymbol.derivative(4, -1.0)), 1.0, 0.0, dt, length,
                EtdScheme.ETDRK2);
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
                0.0, dt, length, EtdScheme.ETDRK2);
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
                dt, length, EtdScheme.ETDRK2);
    }

    /** {@code L(κ_m)} for the modes {@code m = 0..N/2}: real parts, imaginary parts. */
    private static double[][] symbol(int numPoints, LinearSymbol linearSymbol, double length) {
        RealDft.requireGrid(numPoints, 1.0, length);
        double[] kappa = new FourierGrid(1, numPoints, 1, length).angularWavenumbers(0);
        double[][] symbol = new double[2][kappa.length];
        for (int m = 0; m < kappa.length; m++) {
            double[] value = linearSymbol.at(kappa[m]);
            symbol[0][m] = value[0];
            symbol[1][m] = value[1];
        }
        return symbol;
    }

    /**
     * {@code −c·(u²/2)_x + q·u²} in Fourier space, dealiased by the 2/3 rule before and after the
     * product: {@code (q − i c κ/2)·F(u²)} on the kept modes, or null without a nonlinearity.
     */
    private static UnaryOperator<Spectrum> explicitTerm(StepContext context, FourierGrid grid, String key,
                                                        double convection, double reaction) {
        if (convection == 0 && reaction == 0) {
            return null;
        }
        double[] mask = grid.lowPass(DEALIASING);
        double[] kappa = grid.angularWavenumbers(0);
        double[] re = new double[mask.length];
        double[] im = new double[mask.length];
        for (int m = 0; m < mask.length; m++) {
            re[m] = mask[m] * reaction;
            im[m] = -mask[m] * 0.5 * convection * kappa[m];
        }
        Spectrum.Factor factor = grid.factor(context, key + ".explicit", re, im);
        return hat -> {
            SDVariable u = grid.inverse(context, grid.dealiased(context, hat, DEALIASING));
            return grid.forward(context, context.graph().math().square(u)).times(factor);
        };
    }
}
