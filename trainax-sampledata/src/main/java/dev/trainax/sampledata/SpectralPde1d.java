package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Semilinear PDEs {@code u_t = L u − c·(u²/2)_x} on a periodic domain {@code [0, L)} with {@code N}
 * points, stepped with the second-order exponential time-differencing Runge–Kutta scheme of Cox
 * and Matthews (ETDRK2) in Fourier space, with 2/3-rule dealiasing of the nonlinearity:
 * {@link #burgers viscous Burgers} ({@code L = ν∂ₓ²}, c = 1), {@link #diffusion diffusion}
 * ({@code L = ν∂ₓ²}, c = 0, exact in time) and {@link #kuramotoSivashinsky Kuramoto–Sivashinsky}
 * ({@code L = −∂ₓ² − ∂ₓ⁴}, c = 1).
 * ND4J has no FFT, so the real discrete Fourier transform and its inverse are dense real matrices
 * ({@link RealDft}: {@code N × (N/2+1)}, exact, {@code O(N²)} per transform: fine for the grids used here); every
 * operation is a SameDiff op, so the stepper is differentiable and can sit in diverted or mixed
 * chains. States {@code (batch, 1, N)}; the spatial mean is conserved exactly.
 */
public final class SpectralPde1d implements Stepper {

    private final int numPoints;
    private final DoubleUnaryOperator linearSymbol;
    private final double convection;
    private final double dt;
    private final double length;

    private SpectralPde1d(int numPoints, DoubleUnaryOperator linearSymbol, double convection, double dt,
                      double length) {
        RealDft.requireGrid(numPoints, dt, length);
        this.numPoints = numPoints;
        this.linearSymbol = linearSymbol;
        this.convection = convection;
        this.dt = dt;
        this.length = length;
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
        return new SpectralPde1d(numPoints, viscous(viscosity), 1.0, dt, length);
    }

    /** Diffusion {@code u_t = ν u_xx}, stepped exactly in time; arguments as for {@link #burgers}. */
    public static SpectralPde1d diffusion(int numPoints, double viscosity, double dt, double length) {
        return new SpectralPde1d(numPoints, viscous(viscosity), 0.0, dt, length);
    }

    /** Kuramoto–Sivashinsky {@code u_t + (u²/2)_x + u_xx + u_xxxx = 0} (chaotic for L ≳ 22). */
    public static SpectralPde1d kuramotoSivashinsky(int numPoints, double dt, double length) {
        return new SpectralPde1d(numPoints, kappa -> kappa * kappa - kappa * kappa * kappa * kappa, 1.0, dt, length);
    }

    /** The symbol {@code −νκ²} of {@code ν∂ₓ²}. */
    private static DoubleUnaryOperator viscous(double viscosity) {
        Require.that(viscosity >= 0 && Double.isFinite(viscosity), "viscosity", "must be ≥ 0, got " + viscosity);
        return kappa -> -viscosity * kappa * kappa;
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

    /** Per mode: e^{Lh}, (e^{Lh}−1)/L, (e^{Lh}−1−Lh)/(hL²), with their limits at L = 0; and κ·mask/2. */
    private INDArray[] coefficients() {
        double[] decay = new double[modes()];
        double[] first = new double[modes()];
        double[] second = new double[modes()];
        double[] halfWavenumber = new double[modes()];
        for (int k = 0; k < modes(); k++) {
            double kappa = wavenumber(k);
            double z = linearSymbol.applyAsDouble(kappa) * dt;
            decay[k] = Math.exp(z);
            boolean small = Math.abs(z) < 1e-4;
            first[k] = dt * (small ? 1 + z / 2 + z * z / 6 : Math.expm1(z) / z);
            second[k] = dt * (small ? 0.5 + z / 6 + z * z / 24 : (Math.expm1(z) - z) / (z * z));
            halfWavenumber[k] = 3 * k <= numPoints ? 0.5 * convection * kappa : 0.0;
        }
        return new INDArray[] {Nd4j.createFromArray(decay), Nd4j.createFromArray(first), Nd4j.createFromArray(second),
            Nd4j.createFromArray(halfWavenumber)};
    }

    /** Accepts states {@code (channels, numPoints)}. */
    @Override
    public void checkState(long[] stateShape) {
        GridStates.check(1, numPoints, stateShape);
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        SDVariable c = context.constant("burgers.C", matrix(RealDft.forward(numPoints, false)));
        SDVariable s = context.constant("burgers.S", matrix(RealDft.forward(numPoints, true)));
        SDVariable ci = context.constant("burgers.Ci", matrix(RealDft.inverse(numPoints, false)));
        SDVariable si = context.constant("burgers.Si", matrix(RealDft.inverse(numPoints, true)));
        INDArray[] coefficients = coefficients();
        SDVariable decay = context.constant("burgers.decay", coefficients[0]);
        SDVariable first = context.constant("burgers.first", coefficients[1]);
        SDVariable second = context.constant("burgers.second", coefficients[2]);
        SDVariable halfKappa = context.constant("burgers.halfKappa", coefficients[3]);

        SDVariable u = state.reshape(-1, numPoints);
        SDVariable re = u.mmul(c);
        SDVariable im = u.mmul(s);
        SDVariable[] n0 = nonlinear(graph, u, c, s, halfKappa);
        SDVariable aRe = re.mul(decay).add(n0[0].mul(first));
        SDVariable aIm = im.mul(decay).add(n0[1].mul(first));
        SDVariable a = aRe.mmul(ci).add(aIm.mmul(si));
        SDVariable[] n1 = nonlinear(graph, a, c, s, halfKappa);
        SDVariable nextRe = aRe.add(n1[0].sub(n0[0]).mul(second));
        SDVariable nextIm = aIm.add(n1[1].sub(n0[1]).mul(second));
        return graph.reshape(nextRe.mmul(ci).add(nextIm.mmul(si)), state.shape());
    }

    /** Fourier coefficients of {@code −c·(u²/2)_x}, dealiased: {@code −i c κ F(u²)/2} (c folded into halfKappa). */
    private static SDVariable[] nonlinear(SameDiff graph, SDVariable u, SDVariable c, SDVariable s,
                                          SDVariable halfKappa) {
        SDVariable square = graph.math().square(u);
        SDVariable re = square.mmul(c);
        SDVariable im = square.mmul(s);
        // −i·(κ/2)·(re + i·im) = (κ/2)·im − i·(κ/2)·re
        return new SDVariable[] {im.mul(halfKappa), re.mul(halfKappa).neg()};
    }
}
