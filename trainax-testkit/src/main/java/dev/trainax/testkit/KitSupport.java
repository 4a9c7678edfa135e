package dev.trainax.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.plugin.EngineProvider;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The engine the kits run on, and the comparisons they share. */
final class KitSupport {

    /** System property naming the engine id when several engines are on the path. */
    static final String ENGINE_PROPERTY = "trainax.testkit.engine";

    private static Engine discovered;

    private KitSupport() {
    }

    /**
     * The engine found through {@link ServiceLoader} of {@link EngineProvider}: the only one, or the
     * one that {@value #ENGINE_PROPERTY} names.
     */
    static synchronized Engine engine() {
        if (discovered == null) {
            List<EngineProvider> providers = new ArrayList<>();
            ServiceLoader.load(EngineProvider.class).forEach(providers::add);
            String wanted = System.getProperty(ENGINE_PROPERTY);
            List<EngineProvider> chosen = providers.stream()
                    .filter(provider -> wanted == null || provider.id().equals(wanted)).toList();
            if (chosen.size() != 1) {
                throw new IllegalStateException("the Trainax kits need exactly one engine; found "
                        + providers.stream().map(EngineProvider::id).toList()
                        + (wanted == null ? "" : " (" + ENGINE_PROPERTY + " = " + wanted + ")")
                        + ": add an engine such as trainax-engine as a test dependency, or name one with -D"
                        + ENGINE_PROPERTY);
            }
            EngineProvider provider = chosen.get(0);
            discovered = PluginRegistry.of(List.of(provider)).create(PluginKind.ENGINE, provider.id());
        }
        return discovered;
    }

    /** Asserts equal losses and gradients to the last bit. */
    static void assertBitIdentical(LossAndGradient expected, LossAndGradient actual, String what) {
        assertEquals(expected.loss(), actual.loss(), 0.0, what + ": loss differs between evaluations");
        assertEquals(expected.gradient().names(), actual.gradient().names(), what + ": gradient names differ");
        for (String name : expected.gradient().names()) {
            assertArrayEquals(values(expected.gradient().get(name)), values(actual.gradient().get(name)), 0.0,
                    what + ": gradient '" + name + "' differs between evaluations");
        }
    }

    /**
     * Asserts that losses agree to {@code tolerance} relative to the loss, and every gradient to
     * {@code tolerance} relative to its largest entry (at least {@code 1e-12}).
     */
    static void assertClose(LossAndGradient expected, LossAndGradient actual, double tolerance, String what) {
        assertEquals(expected.loss(), actual.loss(), tolerance * Math.max(Math.abs(expected.loss()), 1e-12),
                what + ": loss");
        for (String name : expected.gradient().names()) {
            INDArray reference = expected.gradient().get(name).castTo(DataType.DOUBLE);
            INDArray other = actual.gradient().get(name).castTo(DataType.DOUBLE);
            assertArrayEquals(reference.shape(), other.shape(), what + ": shape of gradient '" + name + "'");
            double scale = Math.max(reference.amaxNumber().doubleValue(), 1e-12);
            double difference = reference.sub(other).amaxNumber().doubleValue();
            assertTrue(difference <= tolerance * scale, what + ": gradient '" + name + "' differs by " + difference
                    + " (relative " + difference / scale + ", tolerance " + tolerance + ")");
        }
    }

    /** Asserts that {@code action} fails with an exception of {@code types} whose message contains {@code fragment}. */
    @SafeVarargs
    static Throwable assertFailsNaming(String fragment, String what, Executable action,
                                       Class<? extends Throwable>... types) {
        try {
            action.execute();
        } catch (Throwable error) {
            boolean expectedType = List.of(types).stream().anyMatch(type -> type.isInstance(error));
            assertTrue(expectedType, what + ": expected one of " + List.of(types).stream().map(Class::getSimpleName)
                    .toList() + ", got " + error);
            assertTrue(error.getMessage() != null && error.getMessage().contains(fragment),
                    what + ": the message should name '" + fragment + "', got: " + error.getMessage());
            return error;
        }
        return fail(what + ": expected a failure naming '" + fragment + "', but it succeeded");
    }

    /** The values of {@code array} as float64, in C order. */
    static double[] values(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup().reshape(-1).toDoubleVector();
    }

    /** {@code copies} copies of {@code array} stacked along the batch axis. */
    static INDArray repeatBatch(INDArray array, int copies) {
        INDArray[] parts = new INDArray[copies];
        Arrays.fill(parts, array);
        return Nd4j.concat(0, parts);
    }
}
