package dev.trainax.sampledata;

import dev.trainax.api.DataSource;
import dev.trainax.api.plugin.DataSourceProvider;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@link DataSourceProvider}s of this module. */
public final class DataSourceProviders {

    private DataSourceProviders() {
    }

    /** {@code advection-1d}: Trainax's {@code advection_1d_periodic}, its defaults included. */
    public static final class Advection1dProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Advection1dProvider() {
            super("advection-1d", "periodic 1D advection, exact spectral shift of random truncated Fourier series",
                    List.of(PluginParameter.integer("numPoints", "grid points", 30).atLeast(2),
                            PluginParameter.integer("numSamples", "trajectories", 20).atLeast(1),
                            PluginParameter.number("cfl", "shift per step in grid cells", 0.75),
                            PluginParameter.integer("highestInitMode", "highest Fourier mode of the initial condition",
                                    5).atLeast(1),
                            PluginParameter.integer("temporalHorizon", "snapshots per trajectory", 100).atLeast(1),
                            PluginParameter.integer("seed", "random seed", 0)),
                    a -> () -> Advection1d.periodic(a.integer("numPoints"), a.integer("numSamples"), a.number("cfl"),
                            a.integer("highestInitMode"), a.integer("temporalHorizon"), a.integer("seed")));
        }
    }

    /** {@code lorenz63}: Trainax's {@code lorenz_rk4}, optionally scaled. */
    public static final class Lorenz63DataProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Lorenz63DataProvider() {
            super("lorenz63", "Lorenz-63 trajectories (RK4) after a warm-up, states (3)",
                    List.of(PluginParameter.number("dt", "time step", 0.01).atLeast(0),
                            PluginParameter.integer("numSamples", "trajectories", 20).atLeast(1),
                            PluginParameter.integer("temporalHorizon", "recorded states per trajectory", 1000).atLeast(1),
                            PluginParameter.integer("numWarmupSteps", "dropped steps", 500).atLeast(0),
                            PluginParameter.number("initStd", "standard deviation of the initial states", 1.0)
                                    .atLeast(0),
                            PluginParameter.number("scale", "factor applied to every state", 1.0),
                            PluginParameter.integer("seed", "random seed", 0)),
                    a -> () -> Lorenz63.classic(a.number("dt")).trajectories(a.integer("numSamples"),
                            a.integer("temporalHorizon"), a.integer("numWarmupSteps"), a.number("initStd"),
                            a.integer("seed")).muli(a.number("scale")));
        }
    }

    /** Initial-condition and horizon parameters shared by the spectral PDE sources. */
    private static List<PluginParameter> spectralData(int points, double length, double dt, int horizon,
                                                      PluginParameter... physics) {
        List<PluginParameter> parameters = new java.util.ArrayList<>(SpectralPdeProviders.grid(points, length, dt,
                physics));
        parameters.addAll(List.of(
                PluginParameter.integer("numSamples", "trajectories", 50).atLeast(1),
                PluginParameter.string("initialCondition", "truncated Fourier series or Gaussian random field",
                        "fourier").oneOf("fourier", "grf"),
                PluginParameter.integer("highestInitMode", "fourier: highest mode", 5).atLeast(1),
                PluginParameter.number("powerLaw", "grf: spectrum ∝ k^-powerLaw", 3.0).atLeast(0),
                PluginParameter.string("normalisation", "per-sample scaling", "max-abs")
                        .oneOf("max-abs", "rms", "none"),
                PluginParameter.number("amplitude", "max |u| or RMS after normalisation", 1.0).atLeast(0),
                PluginParameter.integer("temporalHorizon", "snapshots per trajectory", horizon).atLeast(1),
                PluginParameter.integer("seed", "random seed", 0)));
        return parameters;
    }

    /** The initial conditions a spectral source's arguments describe on a line or a square, normalised. */
    private static INDArray initialConditions(dev.trainax.api.plugin.PluginArguments a, int spatialDims) {
        int points = a.integer("numPoints");
        dev.trainax.api.Require.that(2 * a.integer("highestInitMode") < points, "highestInitMode",
                "must be < numPoints/2 = " + points / 2 + ", got " + a.integer("highestInitMode"));
        boolean grf = "grf".equals(a.string("initialCondition"));
        int samples = a.integer("numSamples");
        int seed = a.integer("seed");
        INDArray initial = spatialDims == 1
                ? grf ? InitialConditions.gaussianRandomField(points, samples, a.number("powerLaw"), seed)
                        : InitialConditions.truncatedFourier(points, samples, a.integer("highestInitMode"), seed)
                : grf ? InitialConditions.gaussianRandomField2d(points, samples, a.number("powerLaw"), seed)
                        : InitialConditions.truncatedFourier2d(points, samples, a.integer("highestInitMode"), seed);
        return InitialConditions.normalise(initial, InitialConditions.Normalisation.valueOf(
                a.string("normalisation").replace('-', '_').toUpperCase(java.util.Locale.ROOT)), a.number("amplitude"));
    }

    /**
     * Trajectories of {@code pde} on {@code spatialDims} axes, stepped in float64 by the engine found
     * through the registry, returned in float32.
     */
    private static DataSource spectralSource(dev.trainax.api.Stepper pde, int spatialDims,
                                             dev.trainax.api.plugin.PluginArguments a) {
        return () -> {
            long[] stateShape = new long[1 + spatialDims];
            java.util.Arrays.fill(stateShape, a.integer("numPoints"));
            stateShape[0] = 1;
            dev.trainax.api.engine.Rollout rollout = dev.trainax.api.plugin.PluginRegistry.load()
                    .<dev.trainax.api.engine.Engine>create(dev.trainax.api.plugin.PluginKind.ENGINE, "samediff")
                    .compileRollout(pde, dev.trainax.api.Parameters.of(java.util.Map.of()), stateShape,
                            org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            return rollout.trajectory(initialConditions(a, spatialDims), a.integer("temporalHorizon") - 1)
                    .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        };
    }

    private static final PluginParameter VISCOSITY = PluginParameter.number("viscosity", "ν", 1.0 / 320).atLeast(0);

    /** {@code burgers-1d}: viscous Burgers with ETDRK2, by default the peer's APEBench-like workload. */
    public static final class Burgers1dDataProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Burgers1dDataProvider() {
            super("burgers-1d", "viscous Burgers on a periodic domain, ETDRK2 steps computed by the engine in float64",
                    spectralData(160, 1.0, 3.0 / 320, 51, VISCOSITY),
                    a -> spectralSource(SpectralPde1d.burgers(a.integer("numPoints"), a.number("viscosity"),
                            a.number("dt"), a.number("length")), 1, a));
        }
    }

    /** {@code diffusion-1d}: periodic diffusion, exact in time. */
    public static final class Diffusion1dDataProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Diffusion1dDataProvider() {
            super("diffusion-1d", "periodic 1D diffusion, exact exponential time stepping in Fourier space",
                    spectralData(64, 1.0, 0.01, 51, PluginParameter.number("viscosity", "ν", 0.01).atLeast(0)),
                    a -> spectralSource(SpectralPde1d.diffusion(a.integer("numPoints"), a.number("viscosity"),
                            a.number("dt"), a.number("length")), 1, a));
        }
    }

    /** {@code kuramoto-sivashinsky-1d}: the chaotic KS equation with ETDRK2. */
    public static final class KuramotoSivashinskyDataProvider extends SimpleProvider<DataSource>
            implements DataSourceProvider {
        /** Service constructor. */
        public KuramotoSivashinskyDataProvider() {
            super("kuramoto-sivashinsky-1d", "periodic Kuramoto-Sivashinsky, ETDRK2 steps computed by the engine",
                    spectralData(128, 32 * Math.PI, 0.1, 201),
                    a -> spectralSource(SpectralPde1d.kuramotoSivashinsky(a.integer("numPoints"), a.number("dt"),
                            a.number("length")), 1, a));
        }
    }

    /** {@code diffusion-2d}: periodic diffusion on a square, exact in time. */
    public static final class Diffusion2dDataProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Diffusion2dDataProvider() {
            super("diffusion-2d", "periodic 2D diffusion, exact Fourier-multiplier steps, states (1, N, N)",
                    spectralData(32, 1.0, 0.01, 51, PluginParameter.number("viscosity", "ν", 0.01).atLeast(0)),
                    a -> spectralSource(SpectralLinear2d.diffusion(a.integer("numPoints"), a.number("viscosity"),
                            a.number("dt"), a.number("length")), 2, a));
        }
    }

    /** {@code advection-2d}: periodic advection on a square, an exact spectral shift. */
    public static final class Advection2dDataProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public Advection2dDataProvider() {
            super("advection-2d", "periodic 2D advection, exact spectral shift, states (1, N, N)",
                    spectralData(32, 1.0, 0.01, 51, SpectralPdeProviders.VELOCITY_X, SpectralPdeProviders.VELOCITY_Y),
                    a -> spectralSource(SpectralLinear2d.advection(a.integer("numPoints"), a.number("velocityX"),
                            a.number("velocityY"), a.number("dt"), a.number("length")), 2, a));
        }
    }

    /** {@code npy-file}: trajectories from a NumPy file. */
    public static final class NpyFileProvider extends SimpleProvider<DataSource> implements DataSourceProvider {
        /** Service constructor. */
        public NpyFileProvider() {
            super("npy-file", "trajectories (samples, time, *state) from a .npy file of float32 or float64",
                    List.of(PluginParameter.string("path", "the .npy file", null)),
                    a -> {
                        Path path = Path.of(a.string("path"));
                        dev.trainax.api.Require.that(java.nio.file.Files.isReadable(path), "path",
                                "must name a readable .npy file, got '" + path + "'");
                        return () -> NpyFile.read(path);
                    });
        }
    }
}
