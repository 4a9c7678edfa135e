package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Nonlinear PDEs on the periodic square {@code [0, L)²} with {@code N} points per axis, as exponax
 * defines them and with its defaults, stepped in Fourier space with an {@link EtdScheme}
 * (exponential time differencing, the linear part exact) in {@code substeps} steps per
 * application: incompressible {@link #navierStokes Navier–Stokes} in vorticity form (decaying
 * turbulence), {@link #kolmogorov Kolmogorov flow}, {@link #grayScott Gray–Scott} and
 * {@link #swiftHohenberg Swift–Hohenberg}. States {@code (batch, channels, N, N)}, axis 2 being y
 * (exponax's first spatial axis) and axis 3 x (its last); the Fourier transform is a product with
 * dense DFT matrices per axis ({@link FourierGrid}; ND4J has no FFT), and every operation is a
 * SameDiff op, so the stepper is differentiable. Nonlinear terms are dealiased as in exponax: its
 * low-pass mask ({@link FourierGrid#lowPass}) is applied to the spectra they read and to the
 * spectrum they return.
 *
 * <p>Stability: the linear part is exact, so the step is limited by the explicit terms alone (a
 * convective CFL condition for the flows, the reaction rates for Gray–Scott and Swift–Hohenberg).
 * At the data sources' defaults on 32 × 32 grids (decaying turbulence Δt = 0.1; Kolmogorov
 * Δt = 0.1 in 20 substeps, and in 5 on 16 × 16; Gray–Scott Δt = 10 in 10 substeps, and in 5;
 * Swift–Hohenberg Δt = 0.1 in 5 substeps) the documented horizons of 51 snapshots (after 500
 * warm-up steps for Kolmogorov flow) stay finite and bounded, as the tests check. The cost per
 * application grows linearly with the substeps: prefer few where the step sits in a training graph.
 */
public final class SpectralPde2d extends EtdPde {

    private SpectralPde2d(String id, FourierGrid grid, double[][] symbol, EtdScheme scheme, double dt, int substeps,
                          ExplicitTerm explicitTerm, double... parameters) {
        super(id, grid, symbol, scheme, dt, substeps, explicitTerm, parameters);
    }

    /**
     * Decaying turbulence, the incompressible Navier–Stokes equations in vorticity form (exponax's
     * {@code NavierStokesVorticity}): {@code ω_t + b·(v·∇ω) = ν Δω + λ ω}, the velocity
     * {@code v = (−∂_yψ, ∂_xψ)} of the stream function {@code ψ = Δ⁻¹ω} (its mean mode taken as
     * ω's), the convection dealiased by the 2/3 rule. The mean vorticity is conserved; without
     * drag (λ = 0) kinetic energy and enstrophy decay.
     *
     * @param numPoints  even number of points per axis ≥ 4
     * @param length     side length L > 0
     * @param dt         time of one application > 0
     * @param substeps   ETD steps per application ≥ 1
     * @param viscosity  ν ≥ 0
     * @param drag       λ (exponax: 0 for decaying turbulence, −0.1 for Kolmogorov flow)
     * @param convection b, the scale of the convection (exponax: 1)
     * @param scheme     the ETD scheme
     */
    public static SpectralPde2d navierStokes(int numPoints, double length, double dt, int substeps, double viscosity,
                                             double drag, double convection, EtdScheme scheme) {
        return kolmogorov(numPoints, length, dt, substeps, viscosity, drag, convection, 0, 0.0, scheme);
    }

    /**
     * Kolmogorov flow (exponax's {@code KolmogorovFlowVorticity}): {@link #navierStokes} with the
     * vorticity forcing {@code f = −nγ cos(2πn x/L)} (the curl of a sinusoidal body force of
     * intensity γ, scaled by n as exponax does, which equals 2πn/L for L = 2π) added to the
     * right-hand side; it excites stripes along y that break up into spatio-temporal chaos; exponax's defaults n = 4, γ = 1, λ = −0.1, and
     * APEBench's L = 2π, ν = 0.01 (Re = 100).
     *
     * @param injectionMode  n ≥ 0, the forced x mode (0 with γ = 0: no forcing)
     * @param injectionScale γ
     */
    public static SpectralPde2d kolmogorov(int numPoints, double length, double dt, int substeps, double viscosity,
                                           double drag, double convection, int injectionMode, double injectionScale,
                                           EtdScheme scheme) {
        Require.that(viscosity >= 0 && Double.isFinite(viscosity), "viscosity", "must be ≥ 0, got " + viscosity);
        Require.finite("drag", drag);
        Require.finite("convection", convection);
        Require.finite("injectionScale", injectionScale);
        Require.that(injectionMode >= 0 && 2 * injectionMode < numPoints, "injectionMode",
                "must be in [0, numPoints/2), got " + injectionMode);
        FourierGrid grid = grid(numPoints, 1, length);
        double[] k2 = grid.squaredWavenumbers();
        double[][] symbol = new double[2][k2.length];
        for (int mode = 0; mode < k2.length; mode++) {
            symbol[0][mode] = -viscosity * k2[mode] + drag;
        }
        String id = injectionScale == 0 ? "navier-stokes-2d" : "kolmogorov-2d";
        return new SpectralPde2d(id, grid, symbol, scheme, dt, substeps,
                (context, g, key) -> vorticityConvection(context, g, key, convection, injectionMode, injectionScale),
                convection, injectionMode, injectionScale);
    }

    /**
     * Gray–Scott reaction–diffusion (exponax's {@code GrayScott}), two channels u and v:
     * {@code u_t = ν₁ Δu + f(1 − u) − u v²}, {@code v_t = ν₂ Δv − (f + k) v + u v²}, the reaction
     * evaluated on states dealiased to half the modes (its nonlinearity is cubic); exponax's defaults
     * ν₁ = 2·10⁻⁵, ν₂ = 10⁻⁵, f = 0.04, k = 0.06. Values stay in [0, 1] up to over- and undershoots
     * of a few percent where the grid barely resolves the patterns (about 6% for APEBench's blobs on
     * 32 × 32 points).
     *
     * @param numPoints    even number of points per axis ≥ 4
     * @param length       side length L > 0
     * @param dt           time of one application > 0
     * @param substeps     ETD steps per application ≥ 1
     * @param diffusivityU ν₁ ≥ 0
     * @param diffusivityV ν₂ ≥ 0
     * @param feedRate     f
     * @param killRate     k
     * @param scheme       the ETD scheme
     */
    public static SpectralPde2d grayScott(int numPoints, double length, double dt, int substeps, double diffusivityU,
                                          double diffusivityV, double feedRate, double killRate, EtdScheme scheme) {
        Require.that(diffusivityU >= 0 && Double.isFinite(diffusivityU), "diffusivityU",
                "must be ≥ 0, got " + diffusivityU);
        Require.that(diffusivityV >= 0 && Double.isFinite(diffusivityV), "diffusivityV",
                "must be ≥ 0, got " + diffusivityV);
        Require.finite("feedRate", feedRate);
        Require.finite("killRate", killRate);
        FourierGrid grid = grid(numPoints, 2, length);
        double[] k2 = grid.squaredWavenumbers();
        double[][] symbol = new double[2][2 * k2.length];
        for (int mode = 0; mode < k2.length; mode++) {
            symbol[0][mode] = -diffusivityU * k2[mode];
            symbol[0][k2.length + mode] = -diffusivityV * k2[mode];
        }
        return new SpectralPde2d("gray-scott-2d", grid, symbol, scheme, dt, substeps,
                (context, g, key) -> grayScottReaction(context, g, key, feedRate, killRate), feedRate, killRate);
    }

    /**
     * Swift–Hohenberg (exponax's {@code SwiftHohenberg}): {@code u_t = r u − (k + Δ)² u + g(u)} with
     * the polynomial {@code g(u) = c₂u² + c₃u³} evaluated on states dealiased to half the modes;
     * exponax's defaults r = 0.7, k = 1, g(u) = u² − u³. Patterns of wavelength {@code 2π/√k} form
     * and settle into a steady state.
     *
     * @param numPoints      even number of points per axis ≥ 4
     * @param length         side length L > 0
     * @param dt             time of one application > 0
     * @param substeps       ETD steps per application ≥ 1
     * @param reactivity     r
     * @param criticalNumber k
     * @param quadratic      c₂
     * @param cubic          c₃
     * @param scheme         the ETD scheme
     */
    public static SpectralPde2d swiftHohenberg(int numPoints, double length, double dt, int substeps,
                                               double reactivity, double criticalNumber, double quadratic,
                                               double cubic, EtdScheme scheme) {
        Require.finite("reactivity", reactivity);
        Require.finite("criticalNumber", criticalNumber);
        Require.finite("quadratic", quadratic);
        Require.finite("cubic", cubic);
        FourierGrid grid = grid(numPoints, 1, length);
        double[] k2 = grid.squaredWavenumbers();
        double[][] symbol = new double[2][k2.length];
        for (int mode = 0; mode < k2.length; mode++) {
            double shifted = criticalNumber - k2[mode];
            symbol[0][mode] = reactivity - shifted * shifted;
        }
        return new SpectralPde2d("swift-hohenberg-2d", grid, symbol, scheme, dt, substeps,
                (context, g, key) -> polynomial(context, g, key, quadratic, cubic), quadratic, cubic);
    }

    private static FourierGrid grid(int numPoints, int channels, double length) {
        RealDft.requireGrid(numPoints, 1.0, length);
        return new FourierGrid(2, numPoints, channels, length);
    }

    /** The physical state of {@code hat} low-pass filtered to {@link FourierGrid#lowPass lowPass(fraction)}. */
    private static SDVariable dealiased(StepContext context, FourierGrid grid, Spectrum hat, double fraction) {
        return grid.inverse(context, grid.dealiased(context, hat, fraction));
    }

    /** {@code −b·(v·∇ω) − nγ cos(2πn x/L)}. */
    private static UnaryOperator<Spectrum> vorticityConvection(StepContext context, FourierGrid grid, String key,
                                                               double convection, int injectionMode,
                                                               double injectionScale) {
        double[] kx = grid.angularWavenumbers(0);
        double[] ky = grid.angularWavenumbers(1);
        double[] k2 = grid.squaredWavenumbers();
        double[] mask = grid.lowPass(2.0 / 3);
        double[][] derivatives = new double[4][k2.length];
        for (int mode = 0; mode < k2.length; mode++) {
            double inverseLaplacian = k2[mode] == 0 ? 1.0 : -1.0 / k2[mode];
            derivatives[0][mode] = mask[mode] * kx[mode] * inverseLaplacian;
            derivatives[1][mode] = mask[mode] * ky[mode] * inverseLaplacian;
            derivatives[2][mode] = mask[mode] * kx[mode];
            derivatives[3][mode] = mask[mode] * ky[mode];
        }
        SDVariable psiX = grid.constant(context, key + ".psiX", derivatives[0]);
        SDVariable psiY = grid.constant(context, key + ".psiY", derivatives[1]);
        SDVariable dX = grid.constant(context, key + ".dX", derivatives[2]);
        SDVariable dY = grid.constant(context, key + ".dY", derivatives[3]);
        SDVariable forcing = injectionScale == 0 ? null
                : grid.constant(context, key + ".forcing", kolmogorovForcing(grid, injectionMode, injectionScale));
        return hat -> {
            // v·∇ω = −ψ_y ω_x + ψ_x ω_y, every factor dealiased
            SDVariable advection = derivative(context, grid, hat, psiX).mul(derivative(context, grid, hat, dY))
                    .sub(derivative(context, grid, hat, psiY).mul(derivative(context, grid, hat, dX)));
            Spectrum rhs = grid.dealiased(context, grid.forward(context, advection.mul(-convection)), 2.0 / 3);
            return forcing == null ? rhs : new Spectrum(rhs.re().add(forcing), rhs.im());
        };
    }

    private static SDVariable derivative(StepContext context, FourierGrid grid, Spectrum hat, SDVariable factor) {
        return grid.inverse(context, hat.timesImaginary(factor));
    }

    /**
     * The spectrum of {@code −nγ cos(2πn x/L)} (real, at x mode n and y mode 0), added after the
     * dealiasing as exponax adds its injection.
     */
    private static double[] kolmogorovForcing(FourierGrid grid, int mode, double scale) {
        int n = grid.numPoints();
        double[] re = new double[grid.modes()];
        // the grid sum of γ cos² along x, constant along y: N²/2, or N² for the mean
        re[mode * n] = -mode * scale * n * n * (mode == 0 ? 1.0 : 0.5);
        return re;
    }

    /** {@code (f(1 − u) − u v², −(f + k) v + u v²)} of the dealiased state. */
    private static UnaryOperator<Spectrum> grayScottReaction(StepContext context, FourierGrid grid, String key,
                                                             double feedRate, double killRate) {
        SameDiff graph = context.graph();
        return hat -> {
            SDVariable state = dealiased(context, grid, hat, 0.5);
            SDVariable u = state.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all(), SDIndex.all());
            SDVariable v = state.get(SDIndex.all(), SDIndex.interval(1, 2), SDIndex.all(), SDIndex.all());
            SDVariable uvv = u.mul(graph.math().square(v));
            SDVariable du = u.mul(-feedRate).add(feedRate).sub(uvv);
            SDVariable dv = v.mul(-(feedRate + killRate)).add(uvv);
            return grid.dealiased(context, grid.forward(context, graph.concat(1, du, dv)), 0.5);
        };
    }

    /** {@code c₂u² + c₃u³} of the dealiased state. */
    private static UnaryOperator<Spectrum> polynomial(StepContext context, FourierGrid grid, String key,
                                                      double quadratic, double cubic) {
        return hat -> {
            SDVariable u = dealiased(context, grid, hat, 0.5);
            SDVariable square = context.graph().math().square(u);
            return grid.dealiased(context, grid.forward(context, square.mul(quadratic).add(square.mul(u).mul(cubic))),
                    0.5);
        };
    }
}
