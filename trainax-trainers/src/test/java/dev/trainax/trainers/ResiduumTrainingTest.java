package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.DataSource;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.configs.ResiduumTraining;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import dev.trainax.sampledata.FiniteDifferenceResiduum;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Residuum-based training with the implicit-Euler residuum of diffusion. */
class ResiduumTrainingTest {

    private static final int N = 32;
    private static final double NU = 0.01;
    private static final double DT = 0.01;

    @Test
    void theExactImplicitEulerStepHasZeroResiduum() {
        // a single Fourier mode is an eigenvector of the central second difference: the implicit
        // Euler step multiplies it by 1 / (1 + Δt·ν·(4/Δx²)·sin²(πm/N))
        int mode = 3;
        double dx = 1.0 / N;
        double gain = 1 / (1 + DT * NU * 4 / (dx * dx) * Math.pow(Math.sin(Math.PI * mode / N), 2));
        Stepper implicitEuler = (context, state) -> state.mul(gain);
        INDArray windows = Nd4j.create(DataType.DOUBLE, 1, 1, 1, N);
        for (int j = 0; j < N; j++) {
            windows.putScalar(new long[] {0, 0, 0, j}, Math.sin(2 * Math.PI * mode * j / N));
        }
        try (Objective objective = PluginRegistry.load().<Engine>create(PluginKind.ENGINE,
                "samediff").compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(ResiduumTraining.of(3))
                .network(implicitEuler, Parameters.of(Map.of()))
                .residuum(FiniteDifferenceResiduum.diffusion(Scheme.IMPLICIT_EULER, N, 1.0, DT, NU)).stateShape(1, N)
                .dataType(DataType.DOUBLE).build())) {
            assertEquals(0.0, objective.loss(Parameters.of(Map.of()), windows), 1e-24);
        }
    }

    @Test
    void aConvolutionLearnsFromTheResiduumAlone() {
        INDArray initialConditions = PluginRegistry.load().<DataSource>create(PluginKind.DATA,
                "diffusion-1d", Map.of("numPoints", N, "numSamples", 8, "temporalHorizon", 3), "data")
                .trajectories(PluginRegistry.load().create(PluginKind.ENGINE, "samediff"));
        Conv1d conv = new Conv1d(1, 1, 3, false);
        GeneralTrainer trainer = Trainer.of(ResiduumTraining.of(2)).trajectories(initialConditions)
                .residuum(FiniteDifferenceResiduum.diffusion(Scheme.IMPLICIT_EULER, N, 1.0, DT, NU))
                .optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(300).batchSize(8).build();
        assertEquals(1, trainer.subStacker().storedLevels());
        double before = trainer.fullLoss(conv, conv.initialParameters(0));
        TrainingResult result = trainer.train(conv, conv.initialParameters(0), 1);
        double after = trainer.fullLoss(conv, result.parameters());
        assertTrue(after < before / 100, "full residuum loss " + before + " -> " + after);
        double[] stencil = result.parameters().get("weight").castTo(DataType.DOUBLE).reshape(3).toDoubleVector();
        assertEquals(1.0, stencil[0] + stencil[1] + stencil[2], 0.05, "a consistent stencil sums to about one");
    }
}
