package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Linear PDEs {@code u_t = Σ_axes L_axis u} with constant coefficients on the periodic line
 * {@code [0, L)} or square {@code [0, L)²} with {@code N} points per axis, stepped exactly in time in
 * Fourier space: {@code û ← exp(Δt·L(κ)) û} for the {@link LinearSymbol} {@code L} of the PDE.
 * Every symbol here is a sum of one-axis symbols (as exponax's defaults are), so the step factors
 * into one real {@code N × N} Fourier-multiplier matrix per axis ({@link RealDft}, exact; ND4J has
 * no FFT): {@code u' = u·Mₓ} on a line, {@code u' = M_yᵀ·u·Mₓ} on a square. Every operation is a
 * SameDiff op, so the stepper is differentiable and can sit in diverted or mixed chains. States
 * {@code (batch, channels, N)} or {@code (batch, channels, N, N)} (axis 2 is y, axis 3 is x); the
 * mean is conserved exactly.
 *
 * <ul>
 * <li>diffusion {@code u_t = ν Δu}: {@code L(κ) = −ν|κ|²};</li>
 * <li>advection {@code u_t + c·∇u = 0}: {@code L(κ) = −i c·κ}, an exact shift by {@code cΔt};</li>
 * <li>advection–diffusion {@code u_t + c·∇u = ν Δu}: the sum of both;</li>
 * <li>dispersion {@code u_t = ξ Σ_axes ∂³u}: {@code L(κ) = −iξ Σ κ_axis³}, a phase rotation;</li>
 * <li>hyper-diffusion {@code u_t = −ζ Σ_axes ∂⁴u} (exponax's default without spatial mixing; in 1D
 * {@code −ζ u_xxxx}): {@code L(κ) = −ζ Σ κ_axis⁴}.</li>
 * </ul>
 */
public final class SpectralLinear implements Stepper {

    /** The PDE's id and a hash of its matrices: the key of its constants, distinct per parameterisation. */
    private final String name;
    private final int numPoints;
    private final double[][][] alongAxes;

    private SpectralLinear(String name, int numPoints, double dt, double length, LinearSymbol... axes) {
        this.numPoints = numPoints;
        this.alongAxes = new double[axes.length][][];
        for (int axis = 0; axis < axes.length; axis++) {
            alongAxes[axis] = axes[axis].stepMatrix(numPoints, dt, length);
        }
        this.name = name + "." + Integer.toHexString(Arrays.deepHashCode(alongAxes));
    }

    /**
     * Advection–diffusion {@code u_t + c u_x = ν u_xx} on a line.
     *
     * @param numPoints even number of grid points ≥ 4
     * @param velocity  c
     * @param viscosity ν ≥ 0
     * @param dt        time step > 0
     * @param length    domain length L > 0
     */
    public static SpectralLinear advectionDiffusion1d(int numPoints, double velocity, double viscosity, double dt,
                                                      double length) {
        return new SpectralLinear("advection-diffusion-1d", numPoints, dt, length,
                LinearSymbol.advection("velocity", velocity).plus(LinearSymbol.diffusion(viscosity)));
    }

    /** Dispersion {@code u_t = ξ u_xxx} (ξ any real) on a line; other arguments as for {@link #advectionDiffusion1d}. */
    public static SpectralLinear dispersion1d(int numPoints, double dispersivity, double dt, double length) {
        return new SpectralLinear("dispersion-1d", numPoints, dt, length, LinearSymbol.dispersion(dispersivity));
    }

    /** Hyper-diffusion {@code u_t = −ζ u_xxxx} (ζ ≥ 0) on a line; other arguments as for {@link #advectionDiffusion1d}. */
    public static SpectralLinear hyperDiffusion1d(int numPoints, double hyperDiffusivity, double dt, double length) {
        return new SpectralLinear("hyper-diffusion-1d", numPoints, dt, length,
                LinearSymbol.hyperDiffusion(hyperDiffusivity));
    }

    /**
     * Diffusion {@code u_t = ν Δu} on a square.
     *
     * @param numPoints even number of grid points per axis ≥ 4
     * @param viscosity ν ≥ 0
     * @param dt        time step > 0
     * @param length    side length L > 0
     */
    public static SpectralLinear diffusion2d(int numPoints, double viscosity, double dt, double length) {
        LinearSymbol diffusion = LinearSymbol.diffusion(viscosity);
        return new SpectralLinear("diffusion-2d", numPoints, dt, length, diffusion, diffusion);
    }

    /**
     * Advection {@code u_t + cₓ u_x + c_y u_y = 0} on a square, an exact shift by {@code (cₓ, c_y)·Δt}
     * of the band-limited state; arguments as for {@link #advectionDiffusion2d} without ν.
     */
    public static SpectralLinear advection2d(int numPoints, double velocityX, double velocityY, double dt,
                                             double length) {
        return new SpectralLinear("advection-2d", numPoints, dt, length,
                LinearSymbol.advection("velocityX", velocityX), LinearSymbol.advection("velocityY", velocityY));
    }

    /**
     * Advection–diffusion {@code u_t + cₓ u_x + c_y u_y = ν Δu} on a square.
     *
     * @param numPoints even number of grid points per axis ≥ 4
     * @param velocityX cₓ
     * @param velocityY c_y
     * @param viscosity ν ≥ 0
     * @param dt        time step > 0
     * @param length    side length L > 0
     */
    public static SpectralLinear advectionDiffusion2d(int numPoints, double velocityX, double velocityY,
                                                      double viscosity, double dt, double length) {
        LinearSymbol diffusion = LinearSymbol.diffusion(viscosity);
        return new SpectralLinear("advection-diffusion-2d", numPoints, dt, length,
                LinearSymbol.advection("velocityX", velocityX).plus(diffusion),
                LinearSymbol.advection("velocityY", velocityY).plus(diffusion));
    }

    /** Dispersion {@code u_t = ξ (u_xxx + u_yyy)} on a square; arguments as for {@link #diffusion2d}. */
    public static SpectralLinear dispersion2d(int numPoints, double dispersivity, double dt, double length) {
        LinearSymbol dispersion = LinearSymbol.dispersion(dispersivity);
        return new SpectralLinear("dispersion-2d", numPoints, dt, length, dispersion, dispersion);
    }

    /** Hyper-diffusion {@code u_t = −ζ (u_xxxx + u_yyyy)} on a square; arguments as for {@link #diffusion2d}. */
    public static SpectralLinear hyperDiffusion2d(int numPoints, double hyperDiffusivity, double dt, double length) {
        LinearSymbol hyperDiffusion = LinearSymbol.hyperDiffusion(hyperDiffusivity);
        return new SpectralLinear("hyper-diffusion-2d", numPoints, dt, length, hyperDiffusion, hyperDiffusion);
    }

    /** Accepts states {@code (channels, numPoints)} on a line, {@code (channels, numPoints, numPoints)} on a square. */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(alongAxes.length, numPoints, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SDVariable mx = context.constant(name + ".alongX", Nd4j.createFromArray(alongAxes[0]));
        SDVariable u = state.reshape(-1, numPoints).mmul(mx);
        if (alongAxes.length == 2) {
            SDVariable my = context.constant(name + ".alongY", Nd4j.createFromArray(alongAxes[1]));
            // rows (x) first, then the transposed grid's rows (y)
            u = u.reshape(-1, numPoints, numPoints).permute(0, 2, 1);
            u = u.reshape(-1, numPoints).mmul(my).reshape(-1, numPoints, numPoints).permute(0, 2, 1);
        }
        return context.graph().reshape(u, state.shape());
    }
}
