package dev.trainax.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.RolloutOps;
import dev.trainax.api.Scalar;
import dev.trainax.api.plugin.ConfigurationProvider;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainaxModuleTest {

    /** A provider that exists only in this test. */
    public static final class OneStep implements ConfigurationProvider {
        @Override
        public String id() {
            return "one-step";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<PluginParameter> parameters() {
            return List.of();
        }

        @Override
        public Configuration create(PluginArguments arguments) {
            return new Configuration() {
                @Override
                public DataRequirement dataRequirement() {
                    return new DataRequirement(2, false, false);
                }

                @Override
                public Scalar loss(RolloutOps ops) {
                    return ops.weightedSum(new double[] {1}, List.of(ops.loss(null, ops.network(ops.data(0)),
                            ops.data(1))));
                }
            };
        }
    }

    @Test
    void providersAreInjectedAsMapsKeyedById() {
        OneStep provider = new OneStep();
        PluginRegistry registry = PluginRegistry.of(List.of(provider));
        Injector injector = Guice.createInjector(new TrainaxModule(registry));
        Map<String, ConfigurationProvider> configurations = injector.getInstance(
                Key.get(new TypeLiteral<Map<String, ConfigurationProvider>>() { }));
        assertEquals(Map.of("one-step", provider), configurations);
        assertSame(registry, injector.getInstance(PluginRegistry.class));
    }
}
