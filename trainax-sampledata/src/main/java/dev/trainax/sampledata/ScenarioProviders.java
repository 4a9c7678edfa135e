package dev.trainax.sampledata;

import dev.trainax.api.Scenario;
import dev.trainax.api.internal.Require;
import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.RecordProvider;
import dev.trainax.api.plugin.ScenarioProvider;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ScenarioProvider}s of this module: one per spectral PDE, named like its data source
 * ({@code burgers-1d}, {@code kuramoto-sivashinsky-1d}, {@code dispersion-2d}, ...). Each fills
 * the data source and its own reference stepper and APEBench's default training (its
 * {@code BaseScenario}): 160 points in 1D (in 2D the data source's grid: APEBench's 160² makes the
 * dense DFT matrices of our spectral steppers slow on a CPU), 50 training trajectories of 50 steps from truncated
 * Fourier series up to mode 5 scaled to {@code max |u| = 1} (the chaotic Kuramoto–Sivashinsky
 * equation stepped 500 times before the first recorded state), Adam with a warm-up cosine schedule
 * from 0 to 1e-3 over 2,000 of 10,000 updates and back to 0, batches of 20. The PDE's own
 * coefficients, domain and step size stay at its data source's defaults.
 */
public final class ScenarioProviders {

    private ScenarioProviders() {
    }

    /**
     * APEBench's defaults, each overridable in the spec's {@code scenario} entry.
     *
     * @param numPoints            grid points per axis of data and reference stepper
     * @param numTrainSamples      training trajectories
     * @param trainTemporalHorizon steps per training trajectory (it holds one more state)
     * @param trainSeed            seed of the training initial conditions
     * @param numTrainingSteps     optimizer updates
     * @param batchSize            windows per update
     * @param peakLearningRate     learning rate at the end of the warm-up
     * @param warmupSteps          updates of the linear warm-up, fewer than numTrainingSteps
     */
    private record Options(
            @Param(value = "grid points per axis (even); default 160 in 1D, the data source's in 2D", optional = true,
                    min = 4) Integer numPoints,
            @Param(value = "training trajectories", defaultValue = "50", min = 1) int numTrainSamples,
            @Param(value = "steps per training trajectory", defaultValue = "50", min = 1) int trainTemporalHorizon,
            @Param(value = "seed of the training initial conditions", defaultValue = "0") int trainSeed,
            @Param(value = "optimizer updates", defaultValue = "10000", min = 1) int numTrainingSteps,
            @Param(value = "windows per update", defaultValue = "20", min = 1) int batchSize,
            @Param(value = "learning rate after the warm-up", defaultValue = "0.001", min = 0, minExclusive = true)
            double peakLearningRate,
            @Param(value = "updates of the linear warm-up, < numTrainingSteps", defaultValue = "2000", min = 0)
            int warmupSteps) {

        Options {
            Require.that(warmupSteps < numTrainingSteps, "warmupSteps",
                    "must be < numTrainingSteps = " + numTrainingSteps + ", got " + warmupSteps);
        }
    }

    /** The sections of the scenario of {@code dataId} and {@code stepperId} with {@code o}'s settings. */
    private static Scenario scenario(String dataId, String stepperId, int spatialDims, int numWarmupSteps,
                                     Options o) {
        Integer numPoints = o.numPoints() != null ? o.numPoints() : spatialDims == 1 ? APEBENCH_POINTS : null;
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> stepper = new LinkedHashMap<>();
        data.put("id", dataId);
        stepper.put("id", stepperId);
        if (numPoints != null) {
            data.put("numPoints", numPoints);
            stepper.put("numPoints", numPoints);
        }
        data.putAll(ordered("numSamples", o.numTrainSamples(), "temporalHorizon", o.trainTemporalHorizon() + 1,
                "seed", o.trainSeed()));
        if (numWarmupSteps > 0) {
            data.put("numWarmupSteps", numWarmupSteps);
        }
        Map<String, Object> sections = ordered(
                "data", Collections.unmodifiableMap(data),
                "referenceStepper", Collections.unmodifiableMap(stepper),
                "optimizer", ordered("name", "adam", "schedule", ordered("type", "warmup-cosine", "init", 0.0,
                        "peak", o.peakLearningRate(), "end", 0.0, "warmupSteps", o.warmupSteps(),
                        "decaySteps", o.numTrainingSteps())),
                "training", ordered("numTrainingSteps", o.numTrainingSteps(), "batchSize", o.batchSize()));
        return () -> sections;
    }

    /** An unmodifiable map of the key-value pairs in order: a spec's sections are written in a fixed order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A scenario of one PDE: its data source and its reference stepper with APEBench's training. */
    private abstract static class Base extends RecordProvider<Options, Scenario> implements ScenarioProvider {
        Base(String dataId, String stepperId, String pde) {
            this(dataId, stepperId, 0, pde);
        }

        Base(String dataId, String stepperId, int numWarmupSteps, String pde) {
            // the record is private, reachable from this nest
            super(dataId, pde + ": data " + dataId + ", reference stepper " + stepperId + ", APEBench's training",
                    Options.class, MethodHandles.lookup(), o -> scenario(dataId, stepperId,
                            dataId.endsWith("-2d") ? 2 : 1, numWarmupSteps, o));
        }
    }

    /** {@code burgers-1d}. */
    public static final class Burgers1d extends Base {
        /** Service constructor. */
        public Burgers1d() {
            super("burgers-1d", "burgers-etdrk2", "viscous Burgers");
        }
    }

    /** {@code diffusion-1d}. */
    public static final class Diffusion1d extends Base {
        /** Service constructor. */
        public Diffusion1d() {
            super("diffusion-1d", "diffusion-etd", "1D diffusion");
        }
    }

    /** APEBench's grid points per axis, used in 1D; in 2D they would make the dense DFT matrices slow on a CPU. */
    private static final int APEBENCH_POINTS = 160;

    /** APEBench's warm-up of chaotic scenarios: trajectories start on the attractor. */
    private static final int KS_WARMUP_STEPS = 500;

    /** {@code kuramoto-sivashinsky-1d}, its trajectories recorded after {@value #KS_WARMUP_STEPS} steps. */
    public static final class KuramotoSivashinsky1d extends Base {
        /** Service constructor. */
        public KuramotoSivashinsky1d() {
            super("kuramoto-sivashinsky-1d", "kuramoto-sivashinsky-etdrk2", KS_WARMUP_STEPS,
                    "conservative Kuramoto-Sivashinsky");
        }
    }

    /** {@code korteweg-de-vries-1d}. */
    public static final class KortewegDeVries1d extends Base {
        /** Service constructor. */
        public KortewegDeVries1d() {
            super("korteweg-de-vries-1d", "korteweg-de-vries-etdrk2", "Korteweg-de Vries");
        }
    }

    /** {@code fisher-kpp-1d}. */
    public static final class FisherKpp1d extends Base {
        /** Service constructor. */
        public FisherKpp1d() {
            super("fisher-kpp-1d", "fisher-kpp-etdrk2", "Fisher-KPP");
        }
    }

    /** {@code advection-diffusion-1d}. */
    public static final class AdvectionDiffusion1d extends Base {
        /** Service constructor. */
        public AdvectionDiffusion1d() {
            super("advection-diffusion-1d", "advection-diffusion-1d-exact", "1D advection-diffusion");
        }
    }

    /** {@code dispersion-1d}. */
    public static final class Dispersion1d extends Base {
        /** Service constructor. */
        public Dispersion1d() {
            super("dispersion-1d", "dispersion-1d-exact", "1D dispersion");
        }
    }

    /** {@code hyper-diffusion-1d}. */
    public static final class HyperDiffusion1d extends Base {
        /** Service constructor. */
        public HyperDiffusion1d() {
            super("hyper-diffusion-1d", "hyper-diffusion-1d-exact", "1D hyper-diffusion");
        }
    }

    /** {@code diffusion-2d}. */
    public static final class Diffusion2d extends Base {
        /** Service constructor. */
        public Diffusion2d() {
            super("diffusion-2d", "diffusion-2d-exact", "2D diffusion");
        }
    }

    /** {@code advection-2d}. */
    public static final class Advection2d extends Base {
        /** Service constructor. */
        public Advection2d() {
            super("advection-2d", "advection-2d-exact", "2D advection");
        }
    }

    /** {@code advection-diffusion-2d}. */
    public static final class AdvectionDiffusion2d extends Base {
        /** Service constructor. */
        public AdvectionDiffusion2d() {
            super("advection-diffusion-2d", "advection-diffusion-2d-exact", "2D advection-diffusion");
        }
    }

    /** {@code dispersion-2d}. */
    public static final class Dispersion2d extends Base {
        /** Service constructor. */
        public Dispersion2d() {
            super("dispersion-2d", "dispersion-2d-exact", "2D dispersion");
        }
    }

    /** {@code hyper-diffusion-2d}. */
    public static final class HyperDiffusion2d extends Base {
        /** Service constructor. */
        public HyperDiffusion2d() {
            super("hyper-diffusion-2d", "hyper-diffusion-2d-exact", "2D hyper-diffusion");
        }
    }

    /** {@code navier-stokes-2d}: decaying turbulence. */
    public static final class NavierStokes2d extends Base {
        /** Service constructor. */
        public NavierStokes2d() {
            super("navier-stokes-2d", "navier-stokes-2d-etdrk", "decaying 2D turbulence");
        }
    }

    /** {@code kolmogorov-2d}: Kolmogorov flow, recorded after its data source's warm-up. */
    public static final class Kolmogorov2d extends Base {
        /** Service constructor. */
        public Kolmogorov2d() {
            super("kolmogorov-2d", "kolmogorov-2d-etdrk", "2D Kolmogorov flow");
        }
    }

    /** {@code gray-scott-2d}: two-species reaction-diffusion. */
    public static final class GrayScott2d extends Base {
        /** Service constructor. */
        public GrayScott2d() {
            super("gray-scott-2d", "gray-scott-2d-etdrk", "2D Gray-Scott");
        }
    }

    /** {@code swift-hohenberg-2d}: pattern formation. */
    public static final class SwiftHohenberg2d extends Base {
        /** Service constructor. */
        public SwiftHohenberg2d() {
            super("swift-hohenberg-2d", "swift-hohenberg-2d-etdrk", "2D Swift-Hohenberg");
        }
    }
}
