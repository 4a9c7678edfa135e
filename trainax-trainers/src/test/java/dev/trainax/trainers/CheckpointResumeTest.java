package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingView;
import dev.trainax.configs.DivertedChain;
import dev.trainax.configs.NoisySupervised;
import dev.trainax.configs.RandomPushforward;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Conv1d;
import dev.trainax.nn.Mlp;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FirstOrderUpwind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run stopped at any checkpoint and resumed equals the uninterrupted run bit for bit: parameters,
 * loss history, last loss, optimizer state, callback results and state, and the final checkpoint
 * file byte for byte; for a single run and for ensembles (stacked and per-member optimizer steps).
 */
class CheckpointResumeTest {

    private static final int STEPS = 24;
    private static final INDArray DATA = Advection1d.periodic(20, 8, -0.75, 5, 30, 3);

    @TempDir
    Path temp;

    /** A stateful callback: counts its calls, records the count and the loss (a Double and a Parameters). */
    private static final class Counting implements Callback {
        private double calls;

        @Override
        public int every() {
            return 5;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Object onStep(TrainingView view) {
            calls++;
            return view.updateStep() % 10 == 0 ? view.parameters().copy() : (Object) (calls + view.loss());
        }

        @Override
        public Map<String, Double> checkpointState() {
            return Map.of("calls", calls);
        }

        @Override
        public void restoreState(Map<String, Double> state) {
            calls = state.get("calls");
        }
    }

    private GeneralTrainer trainer(String variant, int steps, Path checkpoints) {
        Optimizer optimizer = switch (variant) {
            case "clipped-ensemble" -> Optimizer.adam(1e-2).withGradientClipping(0.05);
            case "momentum-schedule" -> Optimizer.momentum(
                    LearningRateSchedule.warmupCosine(0, 1e-2, 5, 20, 1e-4), 0.9);
            default -> Optimizer.adam(1e-2);
        };
        Configuration configuration = switch (variant) {
            case "diverted-chain" -> DivertedChain.of(3, 1);
            // random values drawn from (seed, update step) alone: a shorter run draws what the longer one does
            case "noisy-supervised" -> NoisySupervised.of(2, 0.05);
            case "random-pushforward" -> RandomPushforward.of(2);
            default -> Supervised.of(2);
        };
        RunPlan.Builder builder = Trainer.of(configuration).trajectories(DATA)
                .referenceStepper(new FirstOrderUpwind(-0.75))
                .optimizer(optimizer).callbacks(List.of(new Counting()));
        return builder.training(TrainingOptions.of(steps, 7).withRecordLossEvery(2).withCheckpointEvery(4)
                .withSeeds(11, 0)).checkpoints(checkpoints).build();
    }

    private static Network network(String variant) {
        return variant.equals("mlp") ? new Mlp(20, 6, 1, Activation.TANH) : new Conv1d(1, 1, 3, true);
    }

    private static List<Parameters> initials(String variant, Network network) {
        return variant.endsWith("ensemble") ? List.of(network.initialParameters(1), network.initialParameters(2),
                network.initialParameters(3)) : List.of(network.initialParameters(1));
    }

    private static List<TrainingResult> fresh(GeneralTrainer trainer, Network network, List<Parameters> initials) {
        return initials.size() == 1 ? List.of(trainer.train(network, initials.get(0), 11))
                : trainer.trainEnsemble(network, initials, 11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "mlp", "ensemble", "clipped-ensemble", "momentum-schedule", "diverted-chain",
        "noisy-supervised", "random-pushforward"})
    void resumedRunEqualsUninterruptedBitForBit(String variant) throws IOException {
        Network network = network(variant);
        List<Parameters> initials = initials(variant, network);
        Path whole = temp.resolve("whole");
        List<TrainingResult> expected = fresh(trainer(variant, STEPS, whole), network, initials);
        byte[] expectedFinal = Files.readAllBytes(whole.resolve("step-0000000024.safetensors"));
        for (int stop : new int[] {4, 12, 20}) {
            Path interrupted = temp.resolve(variant + "-" + stop);
            fresh(trainer(variant, stop, interrupted), network, initials);
            Checkpoint checkpoint = new CheckpointStore(interrupted).latest().orElseThrow();
            assertEquals(stop, checkpoint.step());
            List<TrainingResult> resumed = trainer(variant, STEPS, interrupted).resume(network, checkpoint);
            assertEquals(expected.size(), resumed.size());
            for (int k = 0; k < expected.size(); k++) {
                assertSame(expected.get(k), resumed.get(k), variant + " stopped at " + stop + ", member " + k);
            }
            assertArrayEquals(expectedFinal, Files.readAllBytes(interrupted.resolve("step-0000000024.safetensors")),
                    "final checkpoint file of " + variant + " stopped at " + stop);
            assertEquals(List.of(interrupted.resolve("step-0000000020.safetensors"),
                    interrupted.resolve("step-0000000024.safetensors")), new CheckpointStore(interrupted).files());
        }
    }

    private static void assertSame(TrainingResult expected, TrainingResult actual, String what) {
        assertArrayEquals(expected.lossHistory(), actual.lossHistory(), what);
        assertEquals(Double.doubleToRawLongBits(expected.finalLoss()), Double.doubleToRawLongBits(actual.finalLoss()),
                what);
        assertEquals(expected.updateSteps(), actual.updateSteps(), what);
        for (String name : expected.parameters().names()) {
            assertEquals(expected.parameters().get(name), actual.parameters().get(name), what + " " + name);
        }
        assertEquals(expected.optimizerState().steps(), actual.optimizerState().steps(), what);
        if (expected.optimizerState().buffers() != null) {
            assertEquals(expected.optimizerState().buffers().ravel(), actual.optimizerState().buffers().ravel(), what);
        }
        assertEquals(expected.callbackHistory().toString(), actual.callbackHistory().toString(), what);
    }

    @Test
    void checkpointRoundTripsEveryField() {
        Network network = network("single");
        Path folder = temp.resolve("round-trip");
        GeneralTrainer trainer = trainer("single", 8, folder);
        TrainingResult result = trainer.train(network, network.initialParameters(1), 11);
        Checkpoint read = new CheckpointStore(folder).latest().orElseThrow();
        assertEquals(8, read.step());
        assertEquals(new Checkpoint.Fingerprint(11, trainer.plan().windows().numWindows(), 7, 2, TrainingOptions.Precision.FLOAT32, "adam"),
                read.fingerprint());
        Checkpoint.Member member = read.members().get(0);
        assertArrayEquals(result.lossHistory(), member.losses());
        assertEquals(result.finalLoss(), member.lastLoss());
        assertEquals(result.parameters().get("weight"), member.parameters().get("weight"));
        assertEquals(8, member.optimizerState().steps());
        assertEquals(Map.of("counting", Map.of("calls", 2.0)), read.callbackStates());
        assertEquals(result.callbackHistory().toString(), member.callbackHistory().toString());
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOne() throws IOException {
        Network network = network("single");
        Path folder = temp.resolve("damaged");
        trainer("single", 8, folder).train(network, network.initialParameters(1), 11);
        CheckpointStore store = new CheckpointStore(folder);
        Path newest = folder.resolve("step-0000000008.safetensors");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length - 3));
        assertEquals(4, store.latest().orElseThrow().step());
        Files.write(folder.resolve("step-0000000004.safetensors"), new byte[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, store::latest);
        assertTrue(e.getMessage().startsWith("no checkpoint in " + folder + " can be read; the newest: " + newest),
                e.getMessage());
        assertEquals(Optional.empty(), new CheckpointStore(temp.resolve("none")).latest());
    }

    @Test
    void resumeRefusesAnotherRunNamingTheDifference() {
        Network network = network("single");
        Path folder = temp.resolve("other");
        trainer("single", 8, folder).train(network, network.initialParameters(1), 11);
        Checkpoint checkpoint = new CheckpointStore(folder).latest().orElseThrow();
        GeneralTrainer otherBatch = Trainer.of(Supervised.of(2)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .training(TrainingOptions.of(STEPS, 5).withRecordLossEvery(2).withSeeds(11, 0))
                .callbacks(List.of(new Counting())).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> otherBatch.resume(network, checkpoint));
        assertEquals("batchSize must be the same as when the checkpoint was written to resume from it: "
                + "the checkpoint has 7, this run 5", e.getMessage());
        GeneralTrainer shorter = trainer("single", 6, temp.resolve("x"));
        e = assertThrows(IllegalArgumentException.class, () -> shorter.resume(network, checkpoint));
        assertEquals("numTrainingSteps must be at least the 8 update steps of the checkpoint to resume from it, "
                + "got 6", e.getMessage());
        GeneralTrainer noCallbacks = Trainer.of(Supervised.of(2)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .training(TrainingOptions.of(STEPS, 7).withRecordLossEvery(2).withSeeds(11, 0)).build();
        e = assertThrows(IllegalArgumentException.class, () -> noCallbacks.resume(network, checkpoint));
        assertEquals("callbacks must be the same as when the checkpoint was written: [counting], got []",
                e.getMessage());
    }

    @Test
    void warmStartBeginsAtTheGivenParameters() {
        Network network = new Conv1d(1, 1, 2, false);
        Parameters start = Parameters.of(Map.of("weight", Nd4j.createFromArray(0.25f, 0.75f).reshape(1, 1, 2)));
        GeneralTrainer warm = Trainer.of(Supervised.of(1)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(5).batchSize(7).initialParameters(start).build();
        TrainingResult result = warm.train(network);
        TrainingResult explicit = warm.train(network, start, 0);
        assertEquals(explicit.parameters().get("weight"), result.parameters().get("weight"));
        assertArrayEquals(explicit.lossHistory(), result.lossHistory());
        TrainingResult cold = Trainer.of(Supervised.of(1)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(5).batchSize(7).build().train(network);
        assertTrue(cold.lossHistory()[0] > 10 * result.lossHistory()[0],
                "the stencil near upwind starts far better: " + cold.lossHistory()[0] + " vs " + result.lossHistory()[0]);

        GeneralTrainer wrong = Trainer.of(Supervised.of(1)).trajectories(DATA).optimizer(Optimizer.adam(1e-2))
                .numTrainingSteps(5).batchSize(7).initialParameters(Parameters.of(Map.of(
                        "kernel", Nd4j.zeros(1, 1, 3)))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrong.train(network));
        assertTrue(e.getMessage().contains("must have parameters [weight], got [kernel]"), e.getMessage());
    }
}
