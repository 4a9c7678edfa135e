package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** {@code scenario:} in a run spec fills data, reference stepper, optimizer and training; the spec overrides them. */
class ScenarioSpecTest {

    private static final String TINY = "scenario: {id: burgers-1d, numPoints: 16, numTrainSamples: 3, "
            + "trainTemporalHorizon: 4, numTrainingSteps: 4, warmupSteps: 1}\n"
            + "network: {id: convnet, width: 4, depth: 1}\n"
            + "configuration: {id: diverted-chain, numRolloutSteps: 2, numBranchSteps: 1}\n";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, Object> train(String spec) throws Exception {
        Path file = folder.resolve("spec.yaml");
        Files.writeString(file, spec);
        Path output = folder.resolve("out");
        int code = Main.run(new String[] {"train", file.toString(), "--output", output.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return new Yaml().load(Files.readString(output.resolve("spec.resolved.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> spec, String name) {
        return (Map<String, Object>) spec.get(name);
    }

    @Test
    void scenarioFillsEverySectionItPresets() throws Exception {
        Map<String, Object> spec = train(TINY);
        assertEquals("burgers-1d", section(spec, "scenario").get("id"));
        assertEquals(0, section(spec, "scenario").get("trainSeed"));
        Map<String, Object> data = section(spec, "data");
        assertEquals(Map.of("burgers-1d", 16, 3, 5), Map.of(data.get("id"), data.get("numPoints"),
                data.get("numSamples"), data.get("temporalHorizon")));
        Map<String, Object> stepper = section(spec, "referenceStepper");
        assertEquals("burgers-etdrk2", stepper.get("id"));
        assertEquals(16, stepper.get("numPoints"));
        assertEquals(Map.of("type", "warmup-cosine", "init", 0.0, "peak", 0.001, "end", 0.0, "warmupSteps", 1,
                "decaySteps", 4), section(section(spec, "optimizer"), "schedule"));
        assertEquals(4, section(spec, "training").get("numTrainingSteps"));
        assertEquals(20, section(spec, "training").get("batchSize"));
    }

    @Test
    void specValuesOverrideTheScenarioAndReachItsStepper() throws Exception {
        Map<String, Object> spec = train(TINY + "data: {viscosity: 0.02, length: 2.0}\n"
                + "referenceStepper: {dt: 0.005}\n"
                + "optimizer: {learningRate: 0.01}\n"
                + "training: {batchSize: 2, seed: 7}\n");
        Map<String, Object> data = section(spec, "data");
        Map<String, Object> stepper = section(spec, "referenceStepper");
        assertEquals(0.02, data.get("viscosity"));
        assertEquals(0.02, stepper.get("viscosity"));
        assertEquals(2.0, stepper.get("length"));
        assertEquals(0.005, stepper.get("dt"));
        assertEquals(16, stepper.get("numPoints"));
        assertEquals(0.01, section(spec, "optimizer").get("learningRate"));
        assertFalse(section(spec, "optimizer").containsKey("schedule"), spec.toString());
        assertEquals(Map.of("batchSize", 2, "seed", 7, "numTrainingSteps", 4), Map.of(
                "batchSize", section(spec, "training").get("batchSize"), "seed", section(spec, "training").get("seed"),
                "numTrainingSteps", section(spec, "training").get("numTrainingSteps")));
    }

    @Test
    void anotherPluginIdReplacesTheScenariosEntry() throws Exception {
        Map<String, Object> spec = train(TINY + "referenceStepper: {id: diffusion-etd, numPoints: 16}\n");
        Map<String, Object> stepper = section(spec, "referenceStepper");
        assertEquals("diffusion-etd", stepper.get("id"));
        assertEquals(0.01, stepper.get("viscosity"), "the stepper's own default, not the data's ν");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("done in"));
    }
}
