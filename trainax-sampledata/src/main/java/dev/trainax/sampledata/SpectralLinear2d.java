package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Linear PDEs with constant coefficients on the periodic square {@code [0, L)²} with {@code N × N}
 * points, stepped exactly in time in Fourier space: {@link #diffusion diffusion}
 * {@code u_t = ν(u_xx + u_yy)} and {@link #advection advection} {@code u_t + cₓu_x + c_y u_y = 0}.
 * Both symbols are sums of one-axis symbols, so the step {@code exp(Δt·symbol)} factors into one real
 * {@code N × N} Fourier-multiplier matrix per axis ({@link RealDft}, exact; ND4J has no FFT):
 * {@code u' = M_yᵀ·u·M_x}, two matrix products per step. Every operation is a SameDiff op, so the
 * stepper is differentiable. States {@code (batch, 1, N, N)}, axis 2 is y, axis 3 is x; the mean is
 * conserved exactly.
 */
public final class SpectralLinear2d implements Stepper {

    private final String name;
    private final int numPoints;
    private final double[][] alongX;
    private final double[][] alongY;

    private SpectralLinear2d(String name, int numPoints, double[][] alongX, double[][] alongY) {
        this.name = name;
        this.numPoints = numPoints;
        this.alongX = alongX;
        this.alongY = alongY;
    }

    /**
     * Diffusion {@code u_t = ν Δu}, exact in time.
     *
     * @param numPoints even number of grid points per axis ≥ 4
     * @param viscosity ν ≥ 0
     * @param dt        time step > 0
     * @param length    side length L > 0
     */
    public static SpectralLinear2d diffusion(int numPoints, double viscosity, double dt, double length) {
        Require.that(viscosity >= 0 && Double.isFinite(viscosity), "viscosity", "must be ≥ 0, got " + viscosity);
        double[][] decay = axisOperator(numPoints, dt, length, kappa -> -viscosity * kappa * kappa, kappa -> 0.0);
        return new SpectralLinear2d("diffusion-2d", numPoints, decay, decay);
    }

    /**
     * Advection {@code u_t + cₓ u_x + c_y u_y = 0}, an exact shift by {@code (cₓ, c_y)·Δt} of the
     * band-limited state.
     *
     * @param numPoints even number of grid points per axis ≥ 4
     * @param velocityX cₓ
     * @param velocityY c_y
     * @param dt        time step > 0
     * @param length    side length L > 0
     */
    public static SpectralLinear2d advection(int numPoints, double velocityX, double velocityY, double dt,
                                             double length) {
        Require.finite("velocityX", velocityX);
        Require.finite("velocityY", velocityY);
        return new SpectralLinear2d("advection-2d", numPoints,
                axisOperator(numPoints, dt, length, kappa -> 0.0,
                        kappa -> -velocityX * kappa),
                axisOperator(numPoints, dt, length, kappa -> 0.0, kappa -> -velocityY * kappa));
    }

    /** The multiplier matrix of {@code exp(Δt·(re(κ) + i·im(κ)))} along one axis. */
    private static double[][] axisOperator(int numPoints, double dt, double length,
                                           DoubleUnaryOperator realSymbol,
                                           DoubleUnaryOperator imaginarySymbol) {
        RealDft.requireGrid(numPoints, dt, length);
        double[] re = new double[RealDft.modes(numPoints)];
        double[] im = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            double kappa = 2 * Math.PI * k / length;
            double magnitude = Math.exp(dt * realSymbol.applyAsDouble(kappa));
            double phase = dt * imaginarySymbol.applyAsDouble(kappa);
            re[k] = magnitude * Math.cos(phase);
            im[k] = magnitude * Math.sin(phase);
        }
        return RealDft.fourierMultiplier(numPoints, re, im);
    }

    /** Accepts states {@code (channels, numPoints, numPoints)}. */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(2, numPoints, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SDVariable mx = context.constant(name + ".alongX", Nd4j.createFromArray(alongX));
        SDVariable my = context.constant(name + ".alongY", Nd4j.createFromArray(alongY));
        // rows (x) first, then the transposed grid's rows (y)
        SDVariable u = state.reshape(-1, numPoints).mmul(mx).reshape(-1, numPoints, numPoints).permute(0, 2, 1);
        SDVariable v = u.reshape(-1, numPoints).mmul(my).reshape(-1, numPoints, numPoints).permute(0, 2, 1);
        return context.graph().reshape(v, state.shape());
    }
}
