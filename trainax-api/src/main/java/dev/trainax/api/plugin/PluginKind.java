package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataSource;
import dev.trainax.api.Network;
import dev.trainax.api.Residuum;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.Scenario;
import dev.trainax.api.Stepper;
import dev.trainax.api.StudyExecutor;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import org.apiguardian.api.API;

/** The kinds of plugins, each with its provider interface and the type its providers create. */
@API(status = STABLE, since = "0.1")
public enum PluginKind {
    /** Time-level losses. */
    LOSS("loss", LossProvider.class, TimeLevelLoss.class),
    /** Training configurations (methodologies). */
    CONFIGURATION("configuration", ConfigurationProvider.class, Configuration.class),
    /** Trainable network architectures. */
    NETWORK("network", NetworkProvider.class, Network.class),
    /** Reference physics steppers. */
    REFERENCE_STEPPER("reference-stepper", ReferenceStepperProvider.class, Stepper.class),
    /** Residuum functions. */
    RESIDUUM("residuum", ResiduumProvider.class, Residuum.class),
    /** Training callbacks. */
    CALLBACK("callback", CallbackProvider.class, Callback.class),
    /** Engines that execute configurations and their gradients. */
    ENGINE("engine", EngineProvider.class, Engine.class),
    /** Sources of reference trajectories. */
    DATA("data", DataSourceProvider.class, DataSource.class),
    /** Rollout evaluation metrics (nRMSE, correlation, ...). */
    METRIC("metric", MetricProvider.class, RolloutMetric.class),
    /** Scenario presets: data, reference stepper and default training of a named benchmark problem. */
    SCENARIO("scenario", ScenarioProvider.class, Scenario.class),
    /** Where the runs of a study execute: this JVM's threads, a Spark cluster. */
    STUDY_EXECUTOR("study-executor", StudyExecutorProvider.class, StudyExecutor.class);

    private final String label;
    private final Class<? extends PluginProvider<?>> providerType;
    private final Class<?> productType;

    PluginKind(String label, Class<? extends PluginProvider<?>> providerType, Class<?> productType) {
        this.label = label;
        this.providerType = providerType;
        this.productType = productType;
    }

    /** The kebab-case name used in specs and listings. */
    public String label() {
        return label;
    }

    /** The {@link java.util.ServiceLoader} interface of this kind. */
    public Class<? extends PluginProvider<?>> providerType() {
        return providerType;
    }

    /** The type of the objects providers of this kind create. */
    public Class<?> productType() {
        return productType;
    }
}
