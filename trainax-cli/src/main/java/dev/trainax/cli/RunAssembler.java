package dev.trainax.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.api.plugin.RecordParameters;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.TrainingOptions;
import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a run spec into the parts of a {@link RunPlan}: every section is bound and validated
 * (errors name the spec path), plugins are created through the registry, the data is generated or
 * read. The plan itself, with its windows and checks, is assembled by {@link SpecRun#planBuilder()}.
 */
final class RunAssembler {

    /** The {@code training} section, declared by {@link TrainingOptions}. */
    static final RecordParameters<TrainingOptions> TRAINING =
            RecordParameters.of(TrainingOptions.class, MethodHandles.lookup());

    private final PluginRegistry registry;
    private final Provider<Engine> defaultEngine;
    private final Provider<TimeLevelLoss> defaultLoss;

    @Inject
    RunAssembler(PluginRegistry registry, Provider<Engine> defaultEngine, Provider<TimeLevelLoss> defaultLoss) {
        this.registry = registry;
        this.defaultEngine = defaultEngine;
        this.defaultLoss = defaultLoss;
    }

    PluginRegistry registry() {
        return registry;
    }

    /** The spec in {@code file}, its scenario's sections merged in. */
    RunSpec read(Path file) {
        return withScenario(RunSpec.read(file));
    }

    /** {@code spec} with its scenario's sections merged in. */
    RunSpec withScenario(RunSpec spec) {
        return ScenarioMerge.apply(spec, registry);
    }

    /**
     * The spec's parts; {@code trainingOverrides} replace entries of the {@code training} section
     * (the command line's {@code --steps}).
     */
    SpecRun assemble(RunSpec spec, Map<String, Object> trainingOverrides) {
        Map<String, Object> trainingRaw = new LinkedHashMap<>(spec.has("training") ? spec.map("training") : Map.of());
        trainingRaw.putAll(trainingOverrides);
        PluginArguments trainingArguments = PluginArguments.bind("training", TRAINING.parameters(), trainingRaw,
                "spec.training", registry);
        TrainingOptions training = TRAINING.create(trainingArguments);
        Engine engine = engine(spec);
        DataSource data = create(PluginKind.DATA, spec, "data");
        Network network = create(PluginKind.NETWORK, spec, "network");
        Configuration configuration = create(PluginKind.CONFIGURATION, spec, "configuration");
        Stepper reference = spec.has("referenceStepper") ? create(PluginKind.REFERENCE_STEPPER, spec, "referenceStepper")
                : null;
        Residuum residuum = spec.has("residuum") ? create(PluginKind.RESIDUUM, spec, "residuum") : null;
        Optimizer optimizer = OptimizerSpec.parse(spec.has("optimizer") ? spec.map("optimizer") : Map.of(), registry);
        List<Callback> callbacks = callbacks(spec);
        INDArray trajectories;
        try {
            trajectories = data.trajectories(engine);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec.data: " + e.getMessage(), e);
        }
        return new SpecRun(spec, trainingArguments, trainingRaw, training, engine, defaultLoss.get(), trajectories,
                network, configuration, RunSpec.plugin(spec.raw("configuration"), "spec.configuration").getKey(),
                reference, residuum, optimizer, callbacks);
    }

    /** The spec's {@code engine} section, or the application's default engine. */
    Engine engine(RunSpec spec) {
        return spec.has("engine") ? create(PluginKind.ENGINE, spec, "engine") : defaultEngine.get();
    }

    /** The plugin of a required spec section; a missing one is an error listing the known ids. */
    <T> T create(PluginKind kind, RunSpec spec, String section) {
        if (!spec.has(section)) {
            throw new IllegalArgumentException("spec." + section + ": required section is missing (a "
                    + kind.label() + " id or {id: ..., ...}; known: " + registry.ids(kind) + ")");
        }
        Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(spec.raw(section), "spec." + section);
        return registry.create(kind, entry.getKey(), entry.getValue(), "spec." + section);
    }

    private List<Callback> callbacks(RunSpec spec) {
        List<Callback> callbacks = new ArrayList<>();
        if (!spec.has("callbacks")) {
            return callbacks;
        }
        if (!(spec.raw("callbacks") instanceof List<?> list)) {
            throw new IllegalArgumentException("spec.callbacks: must be a list of callback specs");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.callbacks[" + i + "]";
            Map.Entry<String, Map<String, Object>> entry = RunSpec.plugin(list.get(i), path);
            callbacks.add(registry.create(PluginKind.CALLBACK, entry.getKey(), entry.getValue(), path));
        }
        return callbacks;
    }
}
