package dev.trainax.sampledata;

import dev.trainax.api.internal.Require;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trajectories of 1D periodic advection {@code u_t + c u_x = 0} on {@code [0, 2π)} with
 * {@code numPoints} points, stepped exactly in Fourier space: each mode {@code k} is multiplied by
 * {@code exp(−i·2πk·cfl/N)} per step, i.e. the state is shifted by {@code cfl} grid cells. The
 * initial conditions are truncated Fourier series {@code Σ_{k=1..K} a_k sin(kx) + b_k cos(kx)}
 * with amplitudes uniform in {@code [−1, 1]}. Because the series is band-limited, the shift is
 * evaluated in closed form per mode (no FFT needed): {@code sin(k(x − s)), cos(k(x − s))} with
 * {@code s = 2π·cfl/N}.
 */
public final class Advection1d {

    private Advection1d() {
    }

    /**
     * Trajectories of shape {@code (numSamples, temporalHorizon, 1, numPoints)} including the
     * initial condition, in float32.
     *
     * @param numPoints        grid points N ≥ 2
     * @param numSamples       trajectories ≥ 1
     * @param cfl              shift per step in grid cells (any real; Trainax's quickstart uses −0.75)
     * @param highestInitMode  highest mode K of the initial condition, 1 ≤ K < N/2
     * @param temporalHorizon  snapshots per trajectory ≥ 1, initial condition included
     * @param seed             random seed of the amplitudes
     */
    public static INDArray periodic(int numPoints, int numSamples, double cfl, int highestInitMode,
                                    int temporalHorizon, long seed) {
        Require.atLeast("numPoints", numPoints, 2);
        Require.atLeast("numSamples", numSamples, 1);
        Require.finite("cfl", cfl);
        Require.atLeast("highestInitMode", highestInitMode, 1);
        Require.that(2 * highestInitMode < numPoints, "highestInitMode",
                "must be < numPoints/2 = " + numPoints / 2.0 + " to be resolved, got " + highestInitMode);
        Require.atLeast("temporalHorizon", temporalHorizon, 1);
        Require.product("numSamples × temporalHorizon × numPoints", "values of the trajectories, one array",
                Require.MAX_ARRAY_LENGTH, numSamples, temporalHorizon, numPoints);
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[numSamples * temporalHorizon * numPoints];
        double shift = 2 * Math.PI * cfl / numPoints;
        for (int s = 0; s < numSamples; s++) {
            double[] sinAmp = new double[highestInitMode];
            double[] cosAmp = new double[highestInitMode];
            for (int k = 0; k < highestInitMode; k++) {
                sinAmp[k] = random.nextDouble(-1, 1);
            }
            for (int k = 0; k < highestInitMode; k++) {
                cosAmp[k] = random.nextDouble(-1, 1);
            }
            for (int t = 0; t < temporalHorizon; t++) {
                for (int i = 0; i < numPoints; i++) {
                    double x = 2 * Math.PI * i / numPoints - t * shift;
                    double u = 0;
                    for (int k = 1; k <= highestInitMode; k++) {
                        u += sinAmp[k - 1] * Math.sin(k * x) + cosAmp[k - 1] * Math.cos(k * x);
                    }
                    data[(s * temporalHorizon + t) * numPoints + i] = u;
                }
            }
        }
        return Nd4j.createFromArray(data).reshape(numSamples, temporalHorizon, 1, numPoints).castTo(DataType.FLOAT);
    }
}
