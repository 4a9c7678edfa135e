package dev.trainax.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Callback;
import dev.trainax.api.plugin.CallbackProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.configs.Supervised;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callback plugins as specs see them: a stable listing, and specs that build the callbacks. */
class CallbackProvidersTest {

    private static final List<CallbackProvider> PROVIDERS = List.of(new CallbackProviders.SaveNetworkProvider(),
            new CallbackProviders.GetNetworkProvider(), new CallbackProviders.WeightNormProvider(),
            new CallbackProviders.GradNormProvider(), new CallbackProviders.ConfigurationLossProvider(),
            new CallbackProviders.EarlyStoppingProvider(), new CallbackProviders.NonFiniteGuardProvider());

    private static Callback create(String id, Map<String, ?> spec) {
        CallbackProvider provider = PROVIDERS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        return provider.create(PluginArguments.of(provider, spec, null));
    }

    @Test
    void theListingIsStable() {
        // specs and `trainax plugins` depend on these ids, names, defaults, ranges and descriptions
        StringBuilder listing = new StringBuilder();
        for (CallbackProvider provider : PROVIDERS) {
            listing.append(provider.id()).append(": ").append(provider.description()).append('\n');
            for (PluginParameter parameter : provider.parameters()) {
                listing.append("  ").append(parameter.summary()).append(": ").append(parameter.description())
                        .append('\n');
            }
        }
        assertEquals("""
                save-network: save the parameters every k steps as <fileName>_<step>.safetensors (atomically: temporary file, then rename)
                  every (integer ≥ 1) = 1: interval in update steps
                  directory (text) required: folder of the files
                  fileName (text) = network: file name prefix
                  name (text) = network_saved: key of the results
                get-network: record a copy of the parameters
                  every (integer ≥ 1) = 1: interval in update steps
                weight-norm: record the L2 norm of all parameters
                  every (integer ≥ 1) = 1: interval in update steps
                  squared (true or false) = false: record the squared norm
                  name (text) = weight_norm: key of the results
                grad-norm: record the gradient norm of a configuration (default: the training one)
                  every (integer ≥ 1) = 1: interval in update steps
                  configuration (configuration id or {id: ..., ...}): the configuration
                  squared (true or false) = false: record the squared norm
                  name (text) = grad_norm: key of the results
                loss: record another configuration's loss (and gradient) on the minibatch
                  every (integer ≥ 1) = 1: interval in update steps
                  configuration (configuration id or {id: ..., ...}) required: the configuration
                  withGradient (true or false) = false: record the gradient too
                  name (text) required: key of the results
                early-stopping: stop when the training loss stops improving
                  every (integer ≥ 1) = 1: interval in update steps
                  patience (integer ≥ 1) = 10: checks without improvement
                  minDelta (number ≥ 0) = 0.0: least decrease that counts
                  name (text) = early_stopping: key of the results
                non-finite-guard: stop or throw at the first NaN or infinite loss or gradient
                  every (integer ≥ 1) = 1: interval in update steps
                  action (one of [stop, throw]) = stop: what to do
                """, listing.toString());
    }

    @Test
    void specsBuildTheCallbacks(@TempDir Path folder) {
        SaveNetwork save = assertInstanceOf(SaveNetwork.class,
                create("save-network", Map.of("every", 5, "directory", folder.toString())));
        assertEquals(5, save.every());
        assertEquals("network_saved", save.name());
        assertEquals(folder.toAbsolutePath().resolve("network_10.safetensors"), save.fileOf(10));
        assertEquals("grad_norm", assertInstanceOf(GradNorm.class, create("grad-norm", Map.of())).name());
        Callback loss = create("loss", Map.of("configuration", Supervised.of(1), "name", "one_step"));
        assertEquals("one_step", assertInstanceOf(ConfigurationLoss.class, loss).name());
        Callback early = create("early-stopping", Map.of("every", 2, "patience", 3));
        assertEquals(2, assertInstanceOf(EarlyStopping.class, early).every());
        assertEquals("non_finite_guard",
                assertInstanceOf(NonFiniteGuard.class, create("non-finite-guard", Map.of("action", "throw"))).name());
    }

    @Test
    void badSpecsNameTheParameter() {
        assertEquals("non-finite-guard.action: must be one of [stop, throw], got 'warn'", assertThrows(
                IllegalArgumentException.class, () -> create("non-finite-guard", Map.of("action", "warn")))
                .getMessage());
        assertEquals("weight-norm.every: must be integer ≥ 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> create("weight-norm", Map.of("every", 0))).getMessage());
    }

    @Test
    void optionsBuiltInJavaAreCheckedByTheSameDeclarations() {
        assertEquals("every: must be integer ≥ 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new WeightNorm.Options(0, false, "w")).getMessage());
        assertEquals("minDelta: must be number ≥ 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping.Options(1, 10, -1, "early")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfigurationLoss.Options(1, null, false,
                "loss")).getMessage().startsWith("configuration: required"));
        assertEquals("same", new ConfigurationLoss(new ConfigurationLoss.Options(1, Supervised.of(1), false, "same"))
                .name());
    }
}
