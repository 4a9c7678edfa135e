package dev.trainax.sampledata;

import dev.trainax.api.DataSource;
import dev.trainax.api.plugin.DataSourceProvider;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.SimpleProvider;
import java.nio.file.Path;
import java.util.List;

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
