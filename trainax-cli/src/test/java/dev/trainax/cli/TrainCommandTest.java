package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code trainax train}: every example spec runs; bad specs fail before training with exit code 2. */
class TrainCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"advection-quickstart.yaml", "lorenz-mlp.json", "advection-diverted-chain.yaml",
        "burgers-convnet-diverted-chain.yaml", "diffusion-2d-mix-chain.yaml",
        "diffusion-2d-residuum.yaml", "burgers-1d-scenario.yaml", "kolmogorov-2d-unet.yaml", "gray-scott-2d-fno.yaml"})
    void everyExampleTrains(String example, @TempDir Path output) throws Exception {
        assertEquals(0, run("train", EXAMPLES.resolve(example).toString(), "--steps", "6", "--output",
                output.toString()), err.toString(StandardCharsets.UTF_8));
        List<String> csv = Files.readAllLines(output.resolve("loss.csv"));
        assertEquals("step,loss", csv.get(0));
        assertTrue(csv.size() >= 2 && csv.size() <= 7, csv.toString());
        assertTrue(Files.size(output.resolve("loss.png")) > 1000);
        assertTrue(Parameters.load(output.resolve("parameters.safetensors")).count() > 0);
        String resolved = Files.readString(output.resolve("spec.resolved.yaml"));
        assertTrue(resolved.contains("numTrainingSteps: 6"), resolved);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("done in"));
    }

    /** Levels of lists of two aliases to the previous level: a few hundred bytes, 2^levels nodes expanded. */
    private static String nestedAliases(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    static Stream<Arguments> badSpecs() {
        String good = """
                data: {id: advection-1d, numSamples: 2, temporalHorizon: 12}
                network: {id: conv1d}
                configuration: {id: supervised, numRolloutSteps: 2}
                training: {numTrainingSteps: 3, batchSize: 4}
                output: OUT
                """;
        return Stream.of(
                Arguments.of("not yaml", "data: [unclosed", "is not valid YAML or JSON"),
                Arguments.of("duplicate key", good + "training: {numTrainingSteps: 5, batchSize: 2}\n",
                        "key 'training' appears twice, at line 4, column 1 and at line 6, column 1"),
                Arguments.of("nested aliases expanding to 2^24 nodes", nestedAliases(24),
                        "expands to more than 100000 YAML nodes through its aliases"),
                Arguments.of("unknown section", good + "optimiser: {name: adam}\n",
                        "spec.optimiser: unknown section; known: [scenario, data, network"),
                Arguments.of("unknown configuration", good.replace("id: supervised", "id: supervise"),
                        "spec.configuration: unknown configuration 'supervise'; known: [composite"),
                Arguments.of("missing required parameter", good.replace("{id: conv1d}", "{id: mlp}"),
                        "spec.network.features: required parameter of 'mlp' is missing"),
                Arguments.of("wrong type", good.replace("numRolloutSteps: 2", "numRolloutSteps: two"),
                        "spec.configuration.numRolloutSteps: must be integer ≥ 1, got 'two'"),
                Arguments.of("out of range", good.replace("batchSize: 4", "batchSize: 0"),
                        "spec.training.batchSize: must be integer ≥ 1, got 0"),
                Arguments.of("missing reference stepper", good.replace("id: supervised", "id: diverted-chain"),
                        "spec: referenceStepper is required by configuration DivertedChain but none was given"),
                Arguments.of("rollout longer than data", good.replace("numRolloutSteps: 2", "numRolloutSteps: 40"),
                        "spec: trajectories have 12 time levels (shape [2, 12, 1, 30]) but configuration Supervised "
                                + "needs windows of 41 levels"),
                Arguments.of("unknown optimizer", good + "optimizer: {name: adamm}\n",
                        "spec.optimizer.name: must be one of [adam, adamw"),
                Arguments.of("weights of the wrong length", good.replace("numRolloutSteps: 2",
                        "numRolloutSteps: 2, timeLevelWeights: [1.0]"),
                        "spec.configuration.timeLevelWeights must have 2 entries"),
                Arguments.of("missing output", good.replace("output: OUT\n", ""),
                        "spec.output: required folder for the results is missing"),
                Arguments.of("unknown parameter", good.replace("{id: conv1d}", "{id: conv1d, kernel: 3}"),
                        "spec.network.kernel: unknown parameter of 'conv1d'; known: [channels, kernelSize, useBias, boundaryMode]"),
                Arguments.of("missing section", good.replace("network: {id: conv1d}\n", ""),
                        "spec.network: required section is missing"),
                Arguments.of("bad callback", good + "callbacks: [{id: weight-norm, every: 0}]\n",
                        "spec.callbacks[0].every: must be integer ≥ 1, got 0"),
                Arguments.of("bad metrics port", good + "metricsPort: 70000\n",
                        "spec.metricsPort: must be an integer in [0, 65535], got 70000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecsGiveOneClearErrorAndExitCodeTwo(String what, String spec, String expected, @TempDir Path folder)
            throws Exception {
        Path file = Files.writeString(folder.resolve("spec.yaml"), spec.replace("OUT",
                folder.resolve("out").toString()));
        assertEquals(2, run("train", file.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("error: ") && message.contains(expected), "expected '" + expected + "' in: "
                + message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(!Files.exists(folder.resolve("out").resolve("loss.csv")), "nothing written");
    }

    @Test
    void evaluateRollsTheTrainedNetworkOut(@TempDir Path output) throws Exception {
        String spec = EXAMPLES.resolve("advection-quickstart.yaml").toString();
        assertEquals(0, run("train", spec, "--steps", "200", "--output", output.toString()));
        assertEquals(0, run("evaluate", spec, "--parameters", output.resolve("parameters.safetensors").toString(),
                "--steps", "30"), err.toString(StandardCharsets.UTF_8));
        List<String> rows = Files.readAllLines(output.resolve("rollout.csv"));
        assertEquals("step,nrmse,correlation", rows.get(0));
        assertEquals(31, rows.size());
        String[] first = rows.get(1).split(",");
        String[] last = rows.get(30).split(",");
        assertTrue(Double.parseDouble(first[1]) < 0.1, rows.get(1));
        assertTrue(Double.parseDouble(last[1]) > Double.parseDouble(first[1]), "errors accumulate: " + rows.get(30));
        assertTrue(Double.parseDouble(first[2]) > 0.99 && Double.parseDouble(last[2]) <= 1.0, rows.get(1));
        assertTrue(Files.size(output.resolve("rollout.png")) > 1000);

        assertEquals(2, run("evaluate", spec, "--parameters", output.resolve("parameters.safetensors").toString(),
                "--steps", "500"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--steps must be ≤ 99"));
        assertEquals(2, run("evaluate", EXAMPLES.resolve("lorenz-mlp.json").toString(), "--parameters",
                output.resolve("parameters.safetensors").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--parameters must have parameters"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parseErrorsNameLineAndColumn(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("spec.yaml"), "data: {id: advection-1d}\nnetwork: [conv1d\n");
        assertEquals(2, run("train", file.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("is not valid YAML or JSON at line 3, column 1"), message);
    }

    @Test
    void aMissingSpecFileIsNamed() {
        assertEquals(2, run("train", "no/such/spec.yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("spec: cannot read no/such/spec.yaml"));
    }

    @Test
    void aWarmStartBeginsWhereTheGivenParametersAre(@TempDir Path folder) throws Exception {
        String quickstart = Files.readString(EXAMPLES.resolve("advection-quickstart.yaml"));
        Path spec = Files.writeString(folder.resolve("spec.yaml"), quickstart);
        Path first = folder.resolve("first");
        assertEquals(0, run("train", spec.toString(), "--steps", "100", "--output", first.toString()));
        Path trained = first.resolve("parameters.safetensors");
        Path warmSpec = Files.writeString(folder.resolve("warm.yaml"), quickstart.replace("  initSeed: 73\n",
                "  initSeed: 73\n  initialParameters: " + trained + "\n"));
        Path warm = folder.resolve("warm");
        assertEquals(0, run("train", warmSpec.toString(), "--steps", "1", "--output", warm.toString()),
                err.toString(StandardCharsets.UTF_8));
        // one update from the trained stencil: its first loss is the trained run's level, far below a cold start's
        double cold = Double.parseDouble(Files.readAllLines(first.resolve("loss.csv")).get(1).split(",")[1]);
        double warmFirst = Double.parseDouble(Files.readAllLines(warm.resolve("loss.csv")).get(1).split(",")[1]);
        assertTrue(warmFirst < cold / 5, "warm " + warmFirst + " vs cold " + cold);
        assertTrue(Files.readString(warm.resolve("spec.resolved.yaml")).contains("initialParameters: " + trained));

        Path mlp = Files.writeString(folder.resolve("mlp.json"), Files.readString(EXAMPLES.resolve("lorenz-mlp.json"))
                .replace("\"recordLossEvery\": 10", "\"recordLossEvery\": 10, \"initialParameters\": \"" + trained + "\""));
        assertEquals(2, run("train", mlp.toString(), "--output", folder.resolve("mlp").toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("must have parameters [layer0.weight"), message);
        assertTrue(message.contains("got [weight]"), message);
        assertTrue(!Files.exists(folder.resolve("mlp")) && !Files.exists(folder.resolve("mlp.partial")));
    }
}
