package dev.trainax.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.Parameters;
import dev.trainax.api.TrainingView;
import dev.trainax.configs.Supervised;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.trainers.LearningRateSchedule;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class CallbacksTest {

    private static final INDArray DATA = Advection1d.periodic(16, 3, -0.5, 3, 12, 1);
    private static final Conv1d CONV = new Conv1d(1, 1, 2, false);

    private static TrainingResult train(Optimizer optimizer, int steps, int batchSize, List<Callback> callbacks) {
        return Trainer.of(Supervised.of(2)).trajectories(DATA).optimizer(optimizer).numTrainingSteps(steps)
                .batchSize(batchSize).callbacks(callbacks).build().train(CONV, CONV.initialParameters(4), 9);
    }

    @Test
    void callbacksRecordWhatTheyMeasure(@TempDir Path folder) {
        SaveNetwork save = new SaveNetwork(2, folder, "conv", "network_saved");
        TrainingResult result = train(Optimizer.adam(1e-2), 6, 8, List.of(save, new GetNetwork(2),
                new WeightNorm(2, false, "weight_norm"), new WeightNorm(3, true, "weight_norm_squared"),
                new GradNorm(1, null, false, "grad_norm"),
                new ConfigurationLoss(1, Supervised.of(2), false, "same_loss"),
                new ConfigurationLoss(5, Supervised.of(1), true, "one_step")));
        Map<String, List<Object>> history = result.callbackHistory();
        assertEquals(List.of(true, true, true), history.get("network_saved"));
        List<Object> networks = history.get("network");
        assertEquals(3, networks.size());
        for (int i = 0; i < 3; i++) {
            Parameters got = (Parameters) networks.get(i);
            assertEquals("conv_" + (2 * i) + ".safetensors", save.fileOf(2 * i).getFileName().toString());
            Parameters saved = Parameters.load(save.fileOf(2 * i));
            assertEquals(got.get("weight"), saved.get("weight"));
            assertEquals(Math.sqrt(got.squaredNorm()), (Double) history.get("weight_norm").get(i), 1e-12);
        }
        assertEquals(2, history.get("weight_norm_squared").size());
        assertTrue(history.get("grad_norm").stream().allMatch(g -> (Double) g > 0));
        for (int step = 0; step < 6; step++) {
            assertEquals(result.lossHistory()[step], (Double) history.get("same_loss").get(step), 1e-6);
        }
        assertEquals(2, history.get("one_step").size());
        assertFalse(result.stoppedEarly());
    }

    @Test
    void compositeMergesItsParts() {
        TrainingResult result = train(Optimizer.adam(1e-2), 4, 8, List.of(new CompositeCallback(
                List.of(new WeightNorm(1, false, "w"), new GetNetwork(2)), "both")));
        List<Object> merged = result.callbackHistory().get("both");
        assertEquals(4, merged.size());
        assertEquals(2, ((Map<?, ?>) merged.get(0)).size());
        assertEquals(1, ((Map<?, ?>) merged.get(1)).size());
    }

    @Test
    void earlyStoppingEndsAStalledRun() {
        // full batch and a zero learning rate: the loss never improves
        TrainingResult result = train(Optimizer.sgd(LearningRateSchedule.constant(0)), 50, 1000,
                List.of(new EarlyStopping(1, TrainingView::loss, 3, 0.0, "early")));
        assertTrue(result.stoppedEarly());
        assertTrue(result.stopReason().startsWith("stopped before update step 3: early: no improvement"),
                result.stopReason());
        assertEquals(3, result.lossHistory().length);
        assertEquals(3, result.optimizerState().steps());
    }

    @Test
    void theGuardStopsOrThrowsAtTheFirstNonFiniteLoss() {
        Optimizer exploding = Optimizer.sgd(LearningRateSchedule.constant(1e6));
        TrainingResult stopped = train(exploding, 60, 8, List.of(new NonFiniteGuard(1, NonFiniteGuard.Action.STOP)));
        assertTrue(stopped.stoppedEarly());
        assertTrue(stopped.stopReason().contains("at update step"), stopped.stopReason());
        for (double loss : stopped.lossHistory()) {
            assertTrue(Double.isFinite(loss));
        }
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> train(exploding, 60, 8, List.of(new NonFiniteGuard(1, NonFiniteGuard.Action.THROW))));
        assertTrue(thrown.getMessage().startsWith("callback 'non_finite_guard' failed at update step"),
                thrown.getMessage());
    }

    @Test
    void aFailingCallbackIsNamed() {
        Callback broken = new BaseCallback(1, "broken") {
            @Override
            public Object onStep(TrainingView view) {
                throw new IllegalArgumentException("boom");
            }
        };
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> train(Optimizer.adam(1e-2), 3, 8, List.of(broken)));
        assertEquals("callback 'broken' failed at update step 0: boom", error.getMessage());
    }

    @Test
    void badArgumentsAreNamed(@TempDir Path folder) throws Exception {
        assertEquals("every must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new GetNetwork(0)).getMessage());
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SaveNetwork(1, file.resolve("sub"), "n",
                "saved")).getMessage().startsWith("directory " + file.resolve("sub") + " cannot be created"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SaveNetwork(1, folder, "a/b", "saved"))
                .getMessage().startsWith("fileName must be a non-blank file name"));
    }

    @Test
    void metricsFollowTheLossHistory() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TrainingResult result = train(Optimizer.adam(1e-2), 5, 8,
                List.of(new TrainingMetrics(registry, "test-run", "supervised")));
        assertEquals(result.lossHistory()[4], registry.get("trainax.train.loss").tag("run", "test-run")
                .tag("configuration", "supervised").gauge().value(), 1e-9);
        assertEquals(5, registry.get("trainax.train.steps").counter().count());
        assertEquals(4, registry.get("trainax.train.step").timer().count());
        assertEquals(1e-2, registry.get("trainax.train.learning.rate").gauge().value(), 1e-12);
        assertTrue(registry.get("trainax.train.examples.per.second").gauge().value() > 0);
        assertTrue(registry.get("trainax.train.gradient.norm").gauge().value() > 0);
        assertTrue(registry.get("trainax.train.weight.norm").gauge().value() > 0);
    }

    @Test
    void studyProgressGaugesAskForTheCountAtEveryRead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Long> counts = new HashMap<>(Map.of("done", 2L, "running", 1L, "failed", 0L,
                "pending", 5L));
        StudyProgressMetrics.register(registry, "burgers", counts::get);
        assertEquals(2, registry.get("trainax.study.runs").tag("study", "burgers").tag("state", "done").gauge().value());
        counts.put("done", 3L);
        counts.put("pending", 4L);
        assertEquals(3, registry.get("trainax.study.runs").tag("state", "done").gauge().value());
        assertEquals(4, registry.get("trainax.study.runs").tag("state", "pending").gauge().value());
        assertEquals(4, registry.get("trainax.study.runs").gauges().size());
        assertThrows(IllegalArgumentException.class, () -> StudyProgressMetrics.register(registry, null, counts::get));
    }
}
