package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.Rollout;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** The command line's Guice graph: an application replaces one binding with a module of its own. */
class CliModuleTest {

    /** Counts what the real engine compiles, as an application's profiling wrapper would. */
    private static final class CountingEngine implements Engine {
        private final Engine delegate;
        private final AtomicInteger compiled = new AtomicInteger();

        CountingEngine(Engine delegate) {
            this.delegate = delegate;
        }

        @Override
        public Objective compile(TrainingProblem problem) {
            compiled.incrementAndGet();
            return delegate.compile(problem);
        }

        @Override
        public EnsembleObjective compileEnsemble(TrainingProblem problem, int members) {
            compiled.incrementAndGet();
            return delegate.compileEnsemble(problem, members);
        }

        @Override
        public Rollout compileRollout(Stepper stepper, Parameters parameters, long[] stateShape, DataType dataType) {
            compiled.incrementAndGet();
            return delegate.compileRollout(stepper, parameters, stateShape, dataType);
        }
    }

    @Test
    void anApplicationModuleReplacesTheDefaultEngine(@TempDir Path folder) throws Exception {
        CountingEngine engine = new CountingEngine(PluginRegistry.load().create(PluginKind.ENGINE, "samediff"));
        AbstractModule mine = new AbstractModule() {
            @Provides
            Engine engine() {
                return engine;
            }
        };
        Path spec = Files.writeString(folder.resolve("spec.yaml"), """
                data: {id: advection-1d, numSamples: 2, temporalHorizon: 12}
                network: {id: conv1d}
                configuration: {id: supervised, numRolloutSteps: 2}
                training: {numTrainingSteps: 3, batchSize: 4}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", spec.toString(), "--output", folder.resolve("out").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), mine);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(engine.compiled.get() >= 1, "the application's engine trained the run");

        int before = engine.compiled.get();
        Files.writeString(spec, Files.readString(spec) + "engine: {id: samediff}\n");
        assertEquals(0, Main.run(new String[] {"train", spec.toString(), "--output", folder.resolve("out2").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), mine));
        assertEquals(before, engine.compiled.get(), "a spec's engine section takes precedence over the default");
    }
}
