package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.DataSource;
import dev.trainax.api.Parameters;
import dev.trainax.api.Scenario;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every scenario preset names a data source and the stepper that made its data, with APEBench's training. */
class ScenarioProvidersTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final Engine ENGINE = REGISTRY.create(PluginKind.ENGINE, "samediff");

    static List<String> scenarios() {
        return REGISTRY.ids(PluginKind.SCENARIO);
    }

    @Test
    void everySpectralPdeHasAScenario() {
        assertEquals(List.of("advection-2d", "advection-diffusion-1d", "advection-diffusion-2d", "burgers-1d",
                "diffusion-1d", "diffusion-2d", "dispersion-1d", "dispersion-2d", "fisher-kpp-1d",
                "gray-scott-2d", "hyper-diffusion-1d", "hyper-diffusion-2d", "kolmogorov-2d", "korteweg-de-vries-1d",
                "kuramoto-sivashinsky-1d", "navier-stokes-2d", "swift-hohenberg-2d"),
                scenarios().stream().sorted().toList());
    }

    @Test
    void defaultsAreApeBenchsBaseScenario() {
        Map<String, Object> sections = REGISTRY.<Scenario>create(PluginKind.SCENARIO, "burgers-1d").sections();
        assertEquals(List.of("data", "referenceStepper", "optimizer", "training"), List.copyOf(sections.keySet()));
        assertEquals(Map.of("id", "burgers-1d", "numPoints", 160, "numSamples", 50, "temporalHorizon", 51,
                "seed", 0), sections.get("data"));
        assertEquals(Map.of("id", "burgers-etdrk2", "numPoints", 160), sections.get("referenceStepper"));
        assertEquals(Map.of("name", "adam", "schedule", Map.of("type", "warmup-cosine", "init", 0.0, "peak", 0.001,
                "end", 0.0, "warmupSteps", 2000, "decaySteps", 10000)), sections.get("optimizer"));
        assertEquals(Map.of("numTrainingSteps", 10000, "batchSize", 20), sections.get("training"));
    }

    /** The scenario's reference stepper, applied to its data, reproduces the next state of every trajectory. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void stepperReproducesTheData(String id) {
        Map<String, Object> sections = REGISTRY.<Scenario>create(PluginKind.SCENARIO, id,
                Map.of("numPoints", 16, "numTrainSamples", 2, "trainTemporalHorizon", 3), "spec.scenario").sections();
        Map<String, Object> dataSpec = new LinkedHashMap<>(section(sections, "data"));
        Map<String, Object> stepperSpec = new LinkedHashMap<>(section(sections, "referenceStepper"));
        String dataId = (String) dataSpec.remove("id");
        if (REGISTRY.provider(PluginKind.DATA, dataId).parameters().stream()
                .anyMatch(parameter -> parameter.name().equals("numWarmupSteps"))) {
            dataSpec.put("numWarmupSteps", 2);      // a short warm-up keeps the test fast
        }
        DataSource data = REGISTRY.create(PluginKind.DATA, dataId, dataSpec, "data");
        Stepper stepper = REGISTRY.create(PluginKind.REFERENCE_STEPPER, (String) stepperSpec.remove("id"),
                stepperSpec, "referenceStepper");
        INDArray trajectories = data.trajectories(ENGINE).castTo(DataType.DOUBLE);
        assertEquals(4, trajectories.size(1));
        long[] stateShape = Arrays.copyOfRange(trajectories.shape(), 2, trajectories.rank());
        Rollout rollout = ENGINE.compileRollout(stepper, Parameters.of(Map.of()), stateShape, DataType.DOUBLE);
        for (int t = 0; t < 3; t++) {
            INDArray now = level(trajectories, t);
            INDArray next = rollout.trajectory(now, 1).get(NDArrayIndex.all(), NDArrayIndex.point(1));
            double error = next.sub(level(trajectories, t + 1)).norm2Number().doubleValue();
            double scale = level(trajectories, t + 1).norm2Number().doubleValue();
            assertTrue(error <= 1e-5 * scale, id + " step " + t + ": " + error + " vs " + scale);
        }
    }

    /** A warm-up of W steps records from the state the run without warm-up reaches at level W. */
    @Test
    void warmUpStepsAreDroppedBeforeTheFirstRecordedState() {
        Map<String, Object> arguments = new LinkedHashMap<>(Map.of("numPoints", 16, "numSamples", 2,
                "temporalHorizon", 6));
        INDArray plain = REGISTRY.<DataSource>create(PluginKind.DATA, "kuramoto-sivashinsky-1d", arguments, "data")
                .trajectories(ENGINE);
        arguments.put("numWarmupSteps", 3);
        INDArray warm = REGISTRY.<DataSource>create(PluginKind.DATA, "kuramoto-sivashinsky-1d", arguments, "data")
                .trajectories(ENGINE);
        assertEquals(level(plain, 3), level(warm, 0));
        assertEquals(level(plain, 5), level(warm, 2));
        assertEquals(500, section(REGISTRY.<Scenario>create(PluginKind.SCENARIO, "kuramoto-sivashinsky-1d").sections(),
                "data").get("numWarmupSteps"));
    }

    @Test
    void warmUpMustEndBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> REGISTRY.create(
                PluginKind.SCENARIO, "burgers-1d", Map.of("numTrainingSteps", 100), "spec.scenario"));
        assertEquals("spec.scenario.warmupSteps must be < numTrainingSteps = 100, got 2000", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> sections, String name) {
        return (Map<String, Object>) sections.get(name);
    }

    private static INDArray level(INDArray trajectories, int t) {
        return trajectories.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup();
    }
}
