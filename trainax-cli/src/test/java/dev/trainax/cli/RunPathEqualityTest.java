package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.configs.Composite;
import dev.trainax.configs.DivertedChain;
import dev.trainax.configs.DivertedChainBranchOne;
import dev.trainax.configs.MixChainPostPhysics;
import dev.trainax.configs.Pushforward;
import dev.trainax.configs.ResiduumTraining;
import dev.trainax.configs.Supervised;
import dev.trainax.configs.TeacherForcing;
import dev.trainax.nn.Conv1d;
import dev.trainax.sampledata.Advection1d;
import dev.trainax.sampledata.FiniteDifferenceResiduum;
import dev.trainax.sampledata.FirstOrderUpwind;
import dev.trainax.trainers.GeneralTrainer;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every built-in configuration trained from a run spec through the command line and from Java
 * through {@link Trainer#of} on the same data and seeds: both go through the run plan, so they
 * gather the same windows and end with bit-identical parameters.
 */
class RunPathEqualityTest {

    private static final double CFL = -0.5;
    private static final int POINTS = 12;
    /** The residuum plugin's default time step (that of its default 30-point grid). */
    private static final double DT = 2 * Math.PI / 30 * 0.75;
    private static final String COMMON = """
            data: {id: advection-1d, numPoints: 12, numSamples: 3, cfl: -0.5, highestInitMode: 3, temporalHorizon: 10, seed: 4}
            network: {id: conv1d, kernelSize: 3, useBias: true}
            referenceStepper: {id: first-order-upwind, cfl: -0.5}
            residuum: {id: advection-1d-residuum, numPoints: 12}
            optimizer: {name: adam, learningRate: 0.01}
            training: {numTrainingSteps: 12, batchSize: 5, seed: 3, initSeed: 7}
            """;

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("{id: supervised, numRolloutSteps: 3, cutBptt: true, cutBpttEvery: 2}",
                        Supervised.of(3).withCutBptt(2)),
                Arguments.of("{id: diverted-chain, numRolloutSteps: 6, numBranchSteps: 2, cutDivChain: true}",
                        DivertedChain.of(6, 2).withCutDivChain()),
                Arguments.of("{id: diverted-chain-branch-one, numRolloutSteps: 4}", DivertedChainBranchOne.of(4)),
                Arguments.of("{id: mix-chain-post-physics, numRolloutSteps: 2, numPostPhysicsSteps: 2}",
                        MixChainPostPhysics.of(2, 2)),
                Arguments.of("{id: residuum, numRolloutSteps: 3}", ResiduumTraining.of(3)),
                Arguments.of("{id: composite, configurations: [{id: supervised, numRolloutSteps: 2}, "
                        + "{id: diverted-chain-branch-one, numRolloutSteps: 5}], weights: [1.0, 0.5]}",
                        new Composite(List.of(Supervised.of(2), DivertedChainBranchOne.of(5)), new double[] {1, 0.5})),
                Arguments.of("{id: teacher-forcing, numRolloutSteps: 4, resetEvery: 2}", TeacherForcing.of(4, 2)),
                Arguments.of("{id: pushforward, numRolloutSteps: 3, numGradientSteps: 1}", Pushforward.of(3, 1)));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void theCommandLineAndJavaTrainTheSameRun(String spec, Configuration configuration, @TempDir Path folder)
            throws Exception {
        Path specFile = folder.resolve("spec.yaml");
        Files.writeString(specFile, COMMON + "configuration: " + spec + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", specFile.toString(), "--output", folder.resolve("run").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Parameters fromCli = Parameters.load(folder.resolve("run/parameters.safetensors"));

        INDArray data = Advection1d.periodic(POINTS, 3, CFL, 3, 10, 4);
        Conv1d network = new Conv1d(1, 1, 3, true);
        GeneralTrainer trainer = Trainer.of(configuration).trajectories(data)
                .referenceStepper(new FirstOrderUpwind(CFL))
                .residuum(FiniteDifferenceResiduum.advection(FiniteDifferenceResiduum.Scheme.CRANK_NICOLSON, POINTS,
                        2 * Math.PI, DT, 1.0))
                .optimizer(Optimizer.adam(0.01)).numTrainingSteps(12).batchSize(5).build();
        TrainingResult fromJava = trainer.train(network, network.initialParameters(7), 3);

        RunPlan fromSpec = Guice.createInjector(new CliModule()).getInstance(RunAssembler.class)
                .assemble(RunSpec.read(specFile), Map.of()).planBuilder().plan();
        assertEquals(trainer.subStacker().numWindows(), fromSpec.windows().numWindows());
        assertArrayEquals(trainer.subStacker().all().data().asDouble(), fromSpec.windows().all().data().asDouble(),
                "the command line gathers other windows");
        assertEquals(fromJava.parameters().names(), fromCli.names());
        for (String name : fromCli.names()) {
            assertArrayEquals(fromJava.parameters().get(name).data().asDouble(), fromCli.get(name).data().asDouble(),
                    name + " differs between the command line and Java");
        }
    }
}
