package dev.trainax.sampledata;

import dev.trainax.api.DataSource;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.StateShapes;
import dev.trainax.api.plugin.DataSourceProvider;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.ParamGroup;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.sampledata.InitialConditions.Normalisation;
import dev.trainax.sampledata.PdeGrids.PdeGrid;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link DataSourceProvider}s of this module. Each takes the {@link Param} components of its
 * own {@code Options} record as its parameters, the spectral PDE sources their grid (shared with
 * the PDE's stepper and residua) and initial conditions as groups; they step their PDE with the
 * engine the run plan supplies.
 */
public final class DataSourceProviders {

    private DataSourceProviders() {
    }

    /** A provider whose parameters are the components of {@code options}. */
    private abstract static class Base<R extends Record> extends RecordProvider<R, DataSource>
            implements DataSourceProvider {
        Base(String id, String description, Class<R> options, Function<R, DataSource> factory) {
            // the records are private, reachable from this nest
            super(id, description, options, MethodHandles.lookup(), factory);
        }
    }

    /** {@code advection-1d}: Trainax's {@code advection_1d_periodic}, its defaults included. */
    public static final class Advection1dProvider extends Base<Advection1dProvider.Options> {

        private record Options(
                @Param(value = "grid points", defaultValue = "30", min = 2) int numPoints,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @Param(value = "shift per step in grid cells", defaultValue = "0.75") double cfl,
                @Param(value = "highest Fourier mode of the initial condition", defaultValue = "5", min = 1)
                int highestInitMode,
                @Param(value = "snapshots per trajectory", defaultValue = "100", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) {
        }

        /** Service constructor. */
        public Advection1dProvider() {
            super("advection-1d", "periodic 1D advection, exact spectral shift of random truncated Fourier series",
                    Options.class, o -> engine -> Advection1d.periodic(o.numPoints(), o.numSamples(), o.cfl(),
                            o.highestInitMode(), o.temporalHorizon(), o.seed()));
        }
    }

    /** {@code lorenz63}: Trainax's {@code lorenz_rk4}, optionally scaled. */
    public static final class Lorenz63Provider extends Base<Lorenz63Provider.Options> {

        private record Options(
                @Param(value = "time step", defaultValue = "0.01", min = 0, minExclusive = true) double dt,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @Param(value = "recorded states per trajectory", defaultValue = "1000", min = 1) int temporalHorizon,
                @Param(value = "dropped steps", defaultValue = "500", min = 0) int numWarmupSteps,
                @Param(value = "standard deviation of the initial states", defaultValue = "1.0", min = 0)
                double initStd,
                @Param(value = "factor applied to every state", defaultValue = "1.0") double scale,
                @Param(value = "random seed", defaultValue = "0") int seed) {
        }

        /** Service constructor. */
        public Lorenz63Provider() {
            super("lorenz63", "Lorenz-63 trajectories (RK4) after a warm-up, states (3)",
                    Options.class, o -> engine -> Lorenz63.classic(o.dt()).trajectories(o.numSamples(),
                            o.temporalHorizon(), o.numWarmupSteps(), o.initStd(), o.seed()).muli(o.scale()));
        }
    }

    /** The kinds of initial condition of the spectral PDE sources. */
    private enum InitialCondition {
        /** A truncated Fourier series. */
        FOURIER,
        /** A Gaussian random field. */
        GRF
    }

    /** The initial-condition parameters every spectral PDE source declares. */
    private record InitialConditionOptions(
            @Param(value = "truncated Fourier series or Gaussian random field", defaultValue = "fourier")
            InitialCondition initialCondition,
            @Param(value = "fourier: highest mode", defaultValue = "5", min = 1) int highestInitMode,
            @Param(value = "grf: spectrum ∝ k^-powerLaw", defaultValue = "3.0", min = 0) double powerLaw,
            @Param(value = "per-sample scaling", defaultValue = "max-abs") Normalisation normalisation,
            @Param(value = "max |u| or RMS after normalisation", defaultValue = "1.0", min = 0) double amplitude) {
    }

    /** The parameters of every spectral PDE source: grid and physics, samples, horizon. */
    private interface SpectralOptions {
        PdeGrid grid();

        int numSamples();

        int temporalHorizon();

        int seed();

        /** Steps advanced from the initial conditions and dropped before the first snapshot; none by default. */
        default int numWarmupSteps() {
            return 0;
        }

        /** The initial states {@code (numSamples, channels, N…)} on {@code spatialDims} axes, float64. */
        INDArray initialStates(int spatialDims);
    }

    /** The options of a source whose initial conditions are random fields, {@link InitialConditionOptions}. */
    private interface RandomFieldOptions extends SpectralOptions {
        InitialConditionOptions init();

        /** The initial conditions as stepped: by default those {@link #initialConditions} describes. */
        default INDArray prepare(INDArray initial) {
            return initial;
        }

        @Override
        default INDArray initialStates(int spatialDims) {
            return prepare(initialConditions(this, spatialDims));
        }
    }

    /** The initial conditions {@code o} describes on a line or a square, normalised. */
    private static INDArray initialConditions(RandomFieldOptions o, int spatialDims) {
        int points = o.grid().numPoints();
        InitialConditionOptions init = o.init();
        Require.that(2 * init.highestInitMode() < points, "highestInitMode",
                "must be < numPoints/2 = " + points / 2 + ", got " + init.highestInitMode());
        boolean grf = init.initialCondition() == InitialCondition.GRF;
        int samples = o.numSamples();
        int seed = o.seed();
        INDArray initial = spatialDims == 1
                ? grf ? InitialConditions.gaussianRandomField(points, samples, init.powerLaw(), seed)
                        : InitialConditions.truncatedFourier(points, samples, init.highestInitMode(), seed)
                : grf ? InitialConditions.gaussianRandomField2d(points, samples, init.powerLaw(), seed)
                        : InitialConditions.truncatedFourier2d(points, samples, init.highestInitMode(), seed);
        return InitialConditions.normalise(initial, init.normalisation(), init.amplitude());
    }

    /**
     * Trajectories of the PDE of {@code o} on {@code spatialDims} axes from the initial conditions
     * {@code o} describes, stepped in float64 by the run's engine, returned in float32.
     */
    private static DataSource spectralSource(int spatialDims, SpectralOptions o) {
        long points = o.grid().numPoints();
        int channels = o.grid().channels();
        // the channels enter the check only where there are several
        long[] sizes = LongStream.concat(LongStream.of(o.numSamples(), o.temporalHorizon()),
                LongStream.concat(channels > 1 ? LongStream.of(channels) : LongStream.empty(),
                        LongStream.generate(() -> points).limit(spatialDims))).toArray();
        Require.product("numSamples × temporalHorizon" + (channels > 1 ? " × channels" : "")
                + " × numPoints".repeat(spatialDims), "values of the trajectories, one array",
                Require.MAX_ARRAY_LENGTH, sizes);
        return engine -> {
            long[] stateShape = new long[1 + spatialDims];
            Arrays.fill(stateShape, o.grid().numPoints());
            stateShape[0] = channels;
            Rollout rollout = engine.compileRollout(o.grid().stepper(), Parameters.of(Map.of()), stateShape,
                    DataType.DOUBLE);
            INDArray start = o.initialStates(spatialDims);
            // one step at a time: a long warm-up keeps only the current states
            for (int step = 0; step < o.numWarmupSteps(); step++) {
                start = rollout.step(start);
            }
            return rollout.trajectory(start, o.temporalHorizon() - 1).castTo(DataType.FLOAT);
        };
    }

    /** {@code burgers-1d}: viscous Burgers with ETDRK2, by default the peer's APEBench-like workload. */
    public static final class Burgers1dProvider extends Base<Burgers1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Burgers grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Burgers1dProvider() {
            super("burgers-1d", "viscous Burgers on a periodic domain, ETDRK2 steps computed by the engine in float64",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code diffusion-1d}: periodic diffusion, exact in time. */
    public static final class Diffusion1dProvider extends Base<Diffusion1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Diffusion1d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Diffusion1dProvider() {
            super("diffusion-1d", "periodic 1D diffusion, exact exponential time stepping in Fourier space",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code kuramoto-sivashinsky-1d}: the chaotic KS equation with ETDRK2. */
    public static final class KuramotoSivashinsky1dProvider extends Base<KuramotoSivashinsky1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.KuramotoSivashinsky grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "dropped steps onto the attractor", defaultValue = "0", min = 0) int numWarmupSteps,
                @Param(value = "snapshots per trajectory", defaultValue = "201", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public KuramotoSivashinsky1dProvider() {
            super("kuramoto-sivashinsky-1d", "periodic Kuramoto-Sivashinsky, ETDRK2 steps computed by the engine",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code korteweg-de-vries-1d}: Korteweg-de Vries with ETDRK2 (exponax's b = −6, ξ = 1). */
    public static final class KortewegDeVries1dProvider extends Base<KortewegDeVries1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.KortewegDeVries grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public KortewegDeVries1dProvider() {
            super("korteweg-de-vries-1d", "periodic Korteweg-de Vries, ETDRK2 steps computed by the engine in float64",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /**
     * {@code fisher-kpp-1d}: Fisher-KPP with ETDRK2 from initial conditions in {@code [0, 1]}: each
     * sample of the normalised random field is rescaled affinely onto {@code [0, 1]} (its minimum to
     * 0, its maximum to 1).
     */
    public static final class FisherKpp1dProvider extends Base<FisherKpp1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.FisherKpp grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {

            @Override
            public INDArray prepare(INDArray initial) {
                return unitRange(initial);
            }
        }

        /** Service constructor. */
        public FisherKpp1dProvider() {
            super("fisher-kpp-1d", "periodic Fisher-KPP from initial conditions rescaled onto [0, 1], ETDRK2 steps "
                    + "computed by the engine in float64", Options.class, o -> spectralSource(1, o));
        }
    }

    /** Each sample (leading axis) mapped affinely onto {@code [0, 1]}; a constant sample becomes 1/2. */
    static INDArray unitRange(INDArray initial) {
        INDArray flat = initial.reshape(initial.size(0), -1).dup();
        for (long i = 0; i < flat.size(0); i++) {
            INDArray row = flat.getRow(i);
            double min = row.minNumber().doubleValue();
            double span = row.maxNumber().doubleValue() - min;
            if (span > 0) {
                row.subi(min).divi(span);
            } else {
                row.assign(0.5);
            }
        }
        return flat.reshape(initial.shape());
    }

    /** {@code diffusion-2d}: periodic diffusion on a square, exact in time. */
    public static final class Diffusion2dProvider extends Base<Diffusion2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Diffusion2d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Diffusion2dProvider() {
            super("diffusion-2d", "periodic 2D diffusion, exact Fourier-multiplier steps, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code advection-2d}: periodic advection on a square, an exact spectral shift. */
    public static final class Advection2dProvider extends Base<Advection2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Advection2d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Advection2dProvider() {
            super("advection-2d", "periodic 2D advection, exact spectral shift, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code advection-diffusion-1d}: periodic 1D advection-diffusion, exact in time. */
    public static final class AdvectionDiffusion1dProvider extends Base<AdvectionDiffusion1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.AdvectionDiffusion1d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public AdvectionDiffusion1dProvider() {
            super("advection-diffusion-1d", "periodic 1D advection-diffusion, exact Fourier-multiplier steps",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code dispersion-1d}: periodic 1D dispersion {@code u_t = ξ u_xxx}, exact in time. */
    public static final class Dispersion1dProvider extends Base<Dispersion1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Dispersion1d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Dispersion1dProvider() {
            super("dispersion-1d", "periodic 1D dispersion u_t = ξ u_xxx, exact Fourier-multiplier steps",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code hyper-diffusion-1d}: periodic 1D hyper-diffusion {@code u_t = -ζ u_xxxx}, exact in time. */
    public static final class HyperDiffusion1dProvider extends Base<HyperDiffusion1dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.HyperDiffusion1d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public HyperDiffusion1dProvider() {
            super("hyper-diffusion-1d", "periodic 1D hyper-diffusion u_t = -ζ u_xxxx, exact Fourier-multiplier steps",
                    Options.class, o -> spectralSource(1, o));
        }
    }

    /** {@code advection-diffusion-2d}: periodic 2D advection-diffusion, exact in time. */
    public static final class AdvectionDiffusion2dProvider extends Base<AdvectionDiffusion2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.AdvectionDiffusion2d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public AdvectionDiffusion2dProvider() {
            super("advection-diffusion-2d", "periodic 2D advection-diffusion, exact Fourier-multiplier steps, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code dispersion-2d}: periodic 2D dispersion {@code u_t = ξ (u_xxx + u_yyy)}, exact in time. */
    public static final class Dispersion2dProvider extends Base<Dispersion2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Dispersion2d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Dispersion2dProvider() {
            super("dispersion-2d", "periodic 2D dispersion u_t = ξ (u_xxx + u_yyy), exact Fourier-multiplier steps, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code hyper-diffusion-2d}: periodic 2D hyper-diffusion {@code u_t = -ζ (u_xxxx + u_yyyy)}, exact in time. */
    public static final class HyperDiffusion2dProvider extends Base<HyperDiffusion2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.HyperDiffusion2d grid,
                @Param(value = "trajectories", defaultValue = "50", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public HyperDiffusion2dProvider() {
            super("hyper-diffusion-2d", "periodic 2D hyper-diffusion u_t = -ζ (u_xxxx + u_yyyy), exact Fourier-multiplier steps, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /**
     * {@code navier-stokes-2d}: decaying turbulence (2D Navier–Stokes in vorticity form) from
     * zero-mean random vorticity fields, ETDRK steps computed by the engine in float64.
     */
    public static final class NavierStokes2dProvider extends Base<NavierStokes2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.NavierStokes2d grid,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public NavierStokes2dProvider() {
            super("navier-stokes-2d", "decaying 2D turbulence, Navier-Stokes in vorticity form, ETDRK, "
                    + "states (1, N, N)", Options.class, o -> spectralSource(2, o));
        }
    }

    /**
     * {@code kolmogorov-2d}: Kolmogorov flow from zero-mean random vorticity fields, recorded after
     * APEBench's 500 dropped warm-up steps, when the forced stripes have broken up.
     */
    public static final class Kolmogorov2dProvider extends Base<Kolmogorov2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.Kolmogorov2d grid,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "dropped steps", defaultValue = "500", min = 0) int numWarmupSteps,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public Kolmogorov2dProvider() {
            super("kolmogorov-2d", "2D Kolmogorov flow (forced Navier-Stokes in vorticity form) after a warm-up, "
                    + "ETDRK, states (1, N, N)", Options.class, o -> spectralSource(2, o));
        }
    }

    /**
     * {@code gray-scott-2d}: Gray–Scott reaction–diffusion from APEBench's initial states, a
     * Gaussian blob of each species ({@link InitialConditions#grayScottBlobs}); ETDRK steps
     * computed by the engine in float64.
     */
    public static final class GrayScott2dProvider extends Base<GrayScott2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.GrayScott2d grid,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements SpectralOptions {

            @Override
            public INDArray initialStates(int spatialDims) {
                return InitialConditions.grayScottBlobs(grid.numPoints(), numSamples, seed);
            }
        }

        /** Service constructor. */
        public GrayScott2dProvider() {
            super("gray-scott-2d", "2D Gray-Scott reaction-diffusion from Gaussian blobs, ETDRK, states (2, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code swift-hohenberg-2d}: Swift–Hohenberg pattern formation from random fields, ETDRK in float64. */
    public static final class SwiftHohenberg2dProvider extends Base<SwiftHohenberg2dProvider.Options> {

        private record Options(
                @ParamGroup PdeGrids.SwiftHohenberg2d grid,
                @Param(value = "trajectories", defaultValue = "20", min = 1) int numSamples,
                @ParamGroup InitialConditionOptions init,
                @Param(value = "snapshots per trajectory", defaultValue = "51", min = 1) int temporalHorizon,
                @Param(value = "random seed", defaultValue = "0") int seed) implements RandomFieldOptions {
        }

        /** Service constructor. */
        public SwiftHohenberg2dProvider() {
            super("swift-hohenberg-2d", "2D Swift-Hohenberg pattern formation, ETDRK, states (1, N, N)",
                    Options.class, o -> spectralSource(2, o));
        }
    }

    /** {@code npy-file}: trajectories from a NumPy file. */
    public static final class NpyFileProvider extends Base<NpyFileProvider.Options> {

        private record Options(@Param("the .npy file") String path) {
        }

        /** Service constructor. */
        public NpyFileProvider() {
            super("npy-file", "trajectories (samples, time, *state) from a .npy file of float32 or float64",
                    Options.class, o -> {
                        Path path = Path.of(o.path());
                        Require.that(Files.isReadable(path), "path",
                                "must name a readable .npy file, got '" + path + "'");
                        return engine -> {
                            INDArray trajectories = NpyFile.read(path);
                            StateShapes.requireTrajectories("file " + path, trajectories.shape());
                            return trajectories;
                        };
                    });
        }
    }
}
