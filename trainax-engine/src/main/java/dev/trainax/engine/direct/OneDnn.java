package dev.trainax.engine.direct;

import java.util.Locale;
import org.bytedeco.dnnl.engine;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN through its JavaCPP preset (org.bytedeco:dnnl): whether it runs here, and the CPU engine
 * its primitives share. It runs with ND4J's CPU backend when its native build loads, unless the
 * system property {@value #PROPERTY} is {@code false}; otherwise the replacements that use it fall
 * back to ND4J ops.
 */
final class OneDnn {

    /** The system property that turns oneDNN's primitives off ({@code false}) or on ({@code true}, the default). */
    static final String PROPERTY = "trainax.onednn";

    private static final System.Logger LOG = System.getLogger(OneDnn.class.getName());

    private OneDnn() {
    }

    /** The CPU engine, or null when oneDNN does not run here. */
    static engine engine() {
        return Cpu.ENGINE;
    }

    /** Loaded on first use, once. */
    private static final class Cpu {
        static final engine ENGINE = load();
    }

    private static engine load() {
        if (!enabled(System.getProperty(PROPERTY, "true"))) {
            return null;
        }
        if (!Nd4j.getEnvironment().isCPU()) {
            return null;
        }
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            return new engine(engine.kind.cpu, 0);
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "oneDNN did not load ({0}): convolution kernel gradients run as ND4J "
                    + "matrix products instead", e.toString());
            return null;
        }
    }

    /** Whether {@code value} of {@value #PROPERTY} turns oneDNN on. */
    static boolean enabled(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("system property " + PROPERTY + " is '" + value
                    + "'; allowed values: true, false");
        };
    }
}
