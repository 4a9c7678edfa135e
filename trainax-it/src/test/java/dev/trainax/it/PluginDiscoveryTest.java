package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.LossProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginDescriptor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginProvider;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ServiceLoader discovery across the real modules on the module path. */
class PluginDiscoveryTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void everyBuiltInProviderIsFoundInItsModule() {
        Map<String, String> modules = REGISTRY.descriptors().stream().collect(Collectors.toMap(
                d -> d.kind().label() + "/" + d.id(), PluginDescriptor::module));
        for (String id : List.of("supervised", "diverted-chain", "diverted-chain-branch-one", "mix-chain-post-physics",
                "residuum", "composite", "teacher-forcing", "pushforward", "noisy-supervised", "random-pushforward",
                "curriculum", "scheduled-sampling")) {
            assertEquals("dev.trainax.configs", modules.get("configuration/" + id), id);
        }
        for (String id : List.of("mse", "mae", "rmse", "nmse", "nmae", "nrmse", "lp", "composite-loss")) {
            assertEquals("dev.trainax.losses", modules.get("loss/" + id), id);
        }
        assertEquals("dev.trainax.engine", modules.get("engine/samediff"));
        assertEquals("dev.trainax.nn", modules.get("network/mlp"));
        assertEquals("dev.trainax.sampledata", modules.get("reference-stepper/first-order-upwind"));
        assertEquals("dev.trainax.sampledata", modules.get("reference-stepper/lorenz63-rk4"));
        for (String id : List.of("save-network", "get-network", "weight-norm", "grad-norm", "loss", "early-stopping",
                "non-finite-guard")) {
            assertEquals("dev.trainax.callbacks", modules.get("callback/" + id), id);
        }
        for (String id : List.of("mae", "mse", "rmse", "nmae", "nmse", "nrmse", "correlation", "fourier-nrmse",
                "h1-nrmse")) {
            assertEquals("dev.trainax.evaluation", modules.get("metric/" + id), id);
        }
    }

    @Test
    void specsCreateConfiguredPlugins() {
        Configuration configuration = REGISTRY.create(PluginKind.CONFIGURATION, "diverted-chain",
                Map.of("numRolloutSteps", 4, "numBranchSteps", 2, "cutDivChain", true,
                        "timeLevelLoss", Map.of("id", "lp", "p", 3)), "spec.configuration");
        assertEquals("DivertedChain", configuration.getClass().getSimpleName());
        assertEquals(1, configuration.dataRequirement().numTimeLevels());
        assertTrue(configuration.toString().contains("numBranchSteps=2"), configuration.toString());
    }

    @Test
    void badSpecsNameThePathAndTheAllowedValues() {
        assertMessage("spec.c: unknown configuration 'supervise'; known: [composite, curriculum, diverted-chain",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervise", Map.of(), "spec.c"));
        assertMessage("spec.c.numRolloutSteps: must be integer ≥ 1, got 0",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervised", Map.of("numRolloutSteps", 0), "spec.c"));
        assertMessage("spec.c.cutBptt: must be true or false, got 'yes'",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervised", Map.of("cutBptt", "yes"), "spec.c"));
        assertMessage("spec.c.rollout: unknown parameter of 'supervised'; known: [numRolloutSteps",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervised", Map.of("rollout", 2), "spec.c"));
        assertMessage("spec.c.timeLevelLoss: unknown loss 'l2'",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervised", Map.of("timeLevelLoss", "l2"), "spec.c"));
        assertMessage("spec.c.timeLevelWeights must have 2 entries",
                () -> REGISTRY.create(PluginKind.CONFIGURATION, "supervised",
                        Map.of("numRolloutSteps", 2, "timeLevelWeights", List.of(1.0)), "spec.c"));
        assertMessage("spec.n.features: required parameter of 'mlp' is missing",
                () -> REGISTRY.create(PluginKind.NETWORK, "mlp", Map.of(), "spec.n"));
    }

    @Test
    void aDuplicateIdNamesBothModules() {
        List<PluginProvider<?>> providers = List.of(
                (PluginProvider<?>) REGISTRY.provider(PluginKind.LOSS, "mse"),
                new DuplicateMse());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> PluginRegistry.of(providers));
        assertTrue(error.getMessage().contains("duplicate loss id 'mse'"), error.getMessage());
        assertTrue(error.getMessage().contains("in module dev.trainax.losses"), error.getMessage());
        assertTrue(error.getMessage().contains("in module dev.trainax.it"), error.getMessage());
    }

    /** A second provider claiming the id {@code mse}. */
    static final class DuplicateMse implements LossProvider {
        @Override
        public String id() {
            return "mse";
        }

        @Override
        public String description() {
            return "duplicate";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of();
        }

        @Override
        public TimeLevelLoss create(PluginArguments arguments) {
            throw new UnsupportedOperationException();
        }
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action);
        assertTrue(error.getMessage().startsWith(expected), "expected '" + expected + "…', got: " + error.getMessage());
    }
}
