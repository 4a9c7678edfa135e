package dev.trainax.sampledata;

import dev.trainax.api.StepContext;
import dev.trainax.api.Stepper;
import dev.trainax.api.internal.Require;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Lorenz-63 system {@code x' = σ(y − x), y' = x(ρ − z) − y, z' = xy − βz} stepped with the
 * classic fourth-order Runge–Kutta scheme: a data generator (as Trainax's {@code lorenz_rk4}) and a
 * differentiable reference stepper on states {@code (batch, 3)}.
 */
public final class Lorenz63 implements Stepper {

    private final double dt;
    private final double sigma;
    private final double rho;
    private final double beta;

    /**
     * @param dt    time step > 0 (Trainax's default 0.01)
     * @param sigma σ (default 10)
     * @param rho   ρ (default 28)
     * @param beta  β (default 8/3)
     */
    public Lorenz63(double dt, double sigma, double rho, double beta) {
        Require.that(dt > 0 && Double.isFinite(dt), "dt", "must be a positive number, got " + dt);
        this.dt = dt;
        this.sigma = Require.finite("sigma", sigma);
        this.rho = Require.finite("rho", rho);
        this.beta = Require.finite("beta", beta);
    }

    /** The classic parameters σ = 10, ρ = 28, β = 8/3. */
    public static Lorenz63 classic(double dt) {
        return new Lorenz63(dt, 10, 28, 8.0 / 3.0);
    }

    /**
     * Trajectories {@code (numSamples, temporalHorizon, 3)} in float32: initial states normal with
     * standard deviation {@code initStd}, advanced {@code numWarmupSteps} steps that are dropped, then
     * {@code temporalHorizon} recorded states (the first is the state after warm-up). Computed in
     * float64.
     */
    public INDArray trajectories(int numSamples, int temporalHorizon, int numWarmupSteps, double initStd, long seed) {
        Require.atLeast("numSamples", numSamples, 1);
        Require.atLeast("temporalHorizon", temporalHorizon, 1);
        Require.atLeast("numWarmupSteps", numWarmupSteps, 0);
        Require.that(initStd > 0, "initStd", "must be > 0, got " + initStd);
        Require.product("numSamples × temporalHorizon × 3", "values of the trajectories, one array",
                Require.MAX_ARRAY_LENGTH, numSamples, temporalHorizon, 3);
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[numSamples * temporalHorizon * 3];
        for (int s = 0; s < numSamples; s++) {
            double[] u = {gaussian(random) * initStd, gaussian(random) * initStd, gaussian(random) * initStd};
            for (int t = 0; t < numWarmupSteps; t++) {
                u = step(u);
            }
            for (int t = 0; t < temporalHorizon; t++) {
                System.arraycopy(u, 0, data, (s * temporalHorizon + t) * 3, 3);
                u = step(u);
            }
        }
        return Nd4j.createFromArray(data).reshape(numSamples, temporalHorizon, 3).castTo(DataType.FLOAT);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** One RK4 step of one state, in double precision. */
    double[] step(double[] u) {
        double[] k1 = rhs(u);
        double[] k2 = rhs(axpy(u, dt / 2, k1));
        double[] k3 = rhs(axpy(u, dt / 2, k2));
        double[] k4 = rhs(axpy(u, dt, k3));
        double[] next = new double[3];
        for (int i = 0; i < 3; i++) {
            next[i] = u[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return next;
    }

    private double[] rhs(double[] u) {
        return new double[] {sigma * (u[1] - u[0]), u[0] * (rho - u[2]) - u[1], u[0] * u[1] - beta * u[2]};
    }

    private static double[] axpy(double[] u, double a, double[] k) {
        return new double[] {u[0] + a * k[0], u[1] + a * k[1], u[2] + a * k[2]};
    }

    /** Accepts states {@code (3)}: x, y, z. */
    @Override
    public void checkState(long[] stateShape) {
        Require.that(Arrays.equals(stateShape, new long[] {3}), "stateShape:",
                "must be [3] (x, y, z), got " + Arrays.toString(stateShape));
    }

    @Override
    public SDVariable apply(StepContext context, SDVariable state) {
        SameDiff graph = context.graph();
        SDVariable k1 = rhs(graph, state);
        SDVariable k2 = rhs(graph, state.add(k1.mul(dt / 2)));
        SDVariable k3 = rhs(graph, state.add(k2.mul(dt / 2)));
        SDVariable k4 = rhs(graph, state.add(k3.mul(dt)));
        return state.add(graph.math().mergeAdd(k1, k2.mul(2), k3.mul(2), k4).mul(dt / 6));
    }

    private SDVariable rhs(SameDiff graph, SDVariable u) {
        SDVariable x = u.get(SDIndex.all(), SDIndex.interval(0, 1));
        SDVariable y = u.get(SDIndex.all(), SDIndex.interval(1, 2));
        SDVariable z = u.get(SDIndex.all(), SDIndex.interval(2, 3));
        return graph.concat(1, y.sub(x).mul(sigma), x.mul(z.rsub(rho)).sub(y), x.mul(y).sub(z.mul(beta)));
    }
}
