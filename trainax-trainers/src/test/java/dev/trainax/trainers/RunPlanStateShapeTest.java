package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.configs.DivertedChain;
import dev.trainax.configs.ResiduumTraining;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Conv1d;
import dev.trainax.nn.Conv2d;
import dev.trainax.nn.Mlp;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FiniteDifferenceResiduum;
import dev.trainax.sampledata.SpectralPde1d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The run plan checks the data's state shape against the network, the reference stepper and the
 * residuum before anything is compiled: the engine here fails the test if it is asked to compile.
 */
class RunPlanStateShapeTest {

    /** 3 trajectories of 12 levels on 16 points: states (1, 16). */
    private static final INDArray DATA = Advection1d.periodic(16, 3, -0.5, 3, 12, 1);

    private static final Engine NEVER_COMPILES = new Engine() {
        @Override
        public Objective compile(TrainingProblem problem) {
            throw new AssertionError("compiled a mismatching problem");
        }

        @Override
        public EnsembleObjective compileEnsemble(TrainingProblem problem, int members) {
            throw new AssertionError("compiled a mismatching problem");
        }

        @Override
        public Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType) {
            throw new AssertionError("compiled a mismatching rollout");
        }
    };

    private static RunPlan.Builder run(dev.trainax.api.Configuration configuration) {
        return Trainer.of(configuration).trajectories(DATA).engine(NEVER_COMPILES).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(2).batchSize(4);
    }

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void planRefusesANetworkThatDoesNotFitTheData() {
        assertEquals("network.kernelSize: must be ≤ 31 (2 × 16 − 1 for the 16 points of the state shape [1, 16]: the "
                + "padding takes at most 15 values from each side), got 32",
                error(() -> run(Supervised.of(1)).network(new Conv1d(1, 1, 32, false)).plan()));
        assertEquals("network.spatialDims: must be 1 (the spatial axes of the state shape [1, 16] = (channels, "
                + "*space)), got 2 (conv1d, conv2d and conv3d convolve over 1, 2 and 3 spatial axes: use conv1d, or "
                + "convnet/resnet with spatialDims 1)",
                error(() -> run(Supervised.of(1)).network(new Conv2d(1, 1, 3, false)).plan()));
        assertEquals("network.features: must be 16 (channels × space of the state shape [1, 16]), got 3",
                error(() -> run(Supervised.of(1)).network(new Mlp(3, 4, 1, Activation.RELU)).plan()));
        run(Supervised.of(1)).network(new Conv1d(1, 1, 31, false)).plan();
    }

    @Test
    void planRefusesAReferenceStepperOrResiduumOnAnotherGrid() {
        assertEquals("referenceStepper.numPoints: must be 16 (the points along each spatial axis of the state shape "
                + "[1, 16]), got 32", error(() -> run(DivertedChain.of(2, 1))
                .referenceStepper(SpectralPde1d.burgers(32, 0.01, 0.01, 1.0)).plan()));
        assertEquals("residuum.numPoints: must be 16 (the points along each spatial axis of the state shape [1, 16]), "
                + "got 32", error(() -> run(ResiduumTraining.of(1)).residuum(FiniteDifferenceResiduum
                .diffusion(FiniteDifferenceResiduum.Scheme.CRANK_NICOLSON, 32, 1.0, 0.01, 0.01)).plan()));
    }

    @Test
    void planRefusesEmptyTrajectories() {
        assertEquals("trajectories must have shape (samples, time, channels, *space) with every size ≥ 1, got "
                + "[0, 12, 1, 16] (0 samples)", error(() -> run(Supervised.of(1))
                .trajectories(Nd4j.zeros(DataType.FLOAT, 0, 12, 1, 16)).plan()));
        assertEquals("trajectories must have shape (samples, time, channels, *space) with every size ≥ 1, got "
                + "[3, 12, 1, 0] (0 points along spatial axis 1)", error(() -> run(Supervised.of(1))
                .trajectories(Nd4j.zeros(DataType.FLOAT, 3, 12, 1, 0)).plan()));
    }

    @Test
    void aNetworkGivenOnlyToTrainIsRefusedBeforeCompiling() {
        GeneralTrainer trainer = run(Supervised.of(1)).build();
        assertEquals("network.features: must be 16 (channels × space of the state shape [1, 16]), got 3",
                error(() -> trainer.train(new Mlp(3, 4, 1, Activation.RELU))));
    }
}
