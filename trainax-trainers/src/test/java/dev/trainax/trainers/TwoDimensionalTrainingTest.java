package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Stepper;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.configs.DivertedChain;
import dev.trainax.configs.ResiduumTraining;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv2d;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import dev.trainax.sampledata.FiniteDifferenceResiduum;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 3×3 convolution learns 2D diffusion, supervised, against the exact reference stepper in a
 * diverted chain, and from the Crank–Nicolson residuum alone. With {@code r = νΔt/Δx² = 0.1024}
 * every methodology must find a symmetric, conservative stencil consistent with the diffusivity,
 * near the five-point stencil {@code [0 r 0; r 1−4r r; 0 r 0]} (each differs from it at order r²).
 */
class TwoDimensionalTrainingTest {

    private static final int N = 32;
    private static final double NU = 0.01;
    private static final double DT = 0.01;
    private static final double R = NU * DT * N * N;
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static INDArray data(int horizon) {
        return REGISTRY.<DataSource>create(PluginKind.DATA, "diffusion-2d",
                Map.of("numPoints", N, "numSamples", 6, "temporalHorizon", horizon, "initialCondition", "grf",
                        "powerLaw", 1.0, "viscosity", NU, "dt", DT), "data")
                .trajectories(REGISTRY.create(PluginKind.ENGINE, "samediff"));
    }

    /**
     * What the physics fixes for any good 3×3 diffusion stencil: the symmetries of the square, a
     * unit sum (the mean is conserved) and a second moment of 2r per axis (consistency with
     * {@code u_t = νΔu}; higher-order terms of the learned step shift it by up to a quarter at this r).
     */
    private static void assertConsistentDiffusionStencil(TrainingResult result) {
        double[] k = result.parameters().get("weight").castTo(DataType.DOUBLE).reshape(9).toDoubleVector();
        String kernel = Arrays.toString(k);
        for (int corner : new int[] {2, 6, 8}) {
            assertEquals(k[0], k[corner], 0.01, "corners equal: " + kernel);
        }
        for (int edge : new int[] {3, 5, 7}) {
            assertEquals(k[1], k[edge], 0.01, "edges equal: " + kernel);
        }
        assertEquals(1.0, Arrays.stream(k).sum(), 0.02, "unit sum: " + kernel);
        double secondMoment = k[0] + k[3] + k[6] + k[2] + k[5] + k[8];
        assertEquals(2 * R, secondMoment, 0.25 * 2 * R, "second moment along x: " + kernel);
        assertEquals(1 - 4 * R, k[4], 0.1, "centre near the five-point stencil's: " + kernel);
    }

    @Test
    void supervisedTrainingFindsTheFivePointStencil() {
        Conv2d conv = new Conv2d(1, 1, 3, false);
        TrainingResult result = Trainer.of(Supervised.of(2)).trajectories(data(6))
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(400).batchSize(8).build()
                .train(conv, conv.initialParameters(0), 1);
        assertConsistentDiffusionStencil(result);
    }

    @Test
    void divertedChainAgainstTheExactStepperLearnsToo() {
        Conv2d conv = new Conv2d(1, 1, 3, false);
        Stepper exact = REGISTRY.create(PluginKind.REFERENCE_STEPPER, "diffusion-2d-exact",
                Map.of("numPoints", N, "viscosity", NU, "dt", DT), "referenceStepper");
        GeneralTrainer trainer = Trainer.of(DivertedChain.of(2, 1)).trajectories(data(6)).referenceStepper(exact)
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(400).batchSize(8).build();
        double before = trainer.fullLoss(conv, conv.initialParameters(0));
        TrainingResult result = trainer.train(conv, conv.initialParameters(0), 1);
        assertTrue(trainer.fullLoss(conv, result.parameters()) < before / 100);
        assertConsistentDiffusionStencil(result);
    }

    @Test
    void crankNicolsonResiduumAloneTeachesTheStencil() {
        Conv2d conv = new Conv2d(1, 1, 3, false);
        TrainingResult result = Trainer.of(ResiduumTraining.of(1)).trajectories(data(2))
                .residuum(FiniteDifferenceResiduum.diffusion2d(Scheme.CRANK_NICOLSON, N, 1.0, DT, NU))
                .optimizer(Optimizer.adam(1e-2)).numTrainingSteps(400).batchSize(8).build()
                .train(conv, conv.initialParameters(0), 1);
        assertConsistentDiffusionStencil(result);
    }
}
