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
 * {@code BaseScenario}): 160 points per axis, 50 training trajectories of 50 steps from truncated
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
            @Param(value = "grid points per axis (even)", defaultValue = "160", min = 4) int numPoints,
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
    private static Scenario scenario(String dataId, String stepperId, int numWarmupSteps, Options o) {
        Map<String, Object> sections = ordered(
                "data", ordered("id", dataId, "numPoints", o.numPoints(), "numSamples", o.numTrainSamples(),
                        "temporalHorizon", o.trainTemporalHorizon() + 1, "seed", o.trainSeed(),
                        "numWarmupSteps", numWarmupSteps),
                "referenceStepper", ordered("id", stepperId, "numPoints", o.numPoints()),
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
                    Options.class, MethodHandles.lookup(), o -> scenario(dataId, stepperId, numWarmupSteps, o));
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
}
