package dev.trainax.configs;

import dev.trainax.api.Require;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Arrays;

/** Defaults and checks shared by the configurations. */
final class Options {

    private Options() {
    }

    /** The default time-level loss, MSE with batch mean, found through its plugin (module dev.trainax.losses). */
    static TimeLevelLoss defaultLoss() {
        return DefaultLoss.MSE;
    }

    /** Lazily discovered so that configurations load without the losses module until a default is needed. */
    private static final class DefaultLoss {
        static final TimeLevelLoss MSE = PluginRegistry.load().create(PluginKind.LOSS, "mse");
    }

    /** {@code n} ones. */
    static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** The weights, or ones if {@code null}, checked to have {@code length} finite entries. */
    static double[] weights(String name, double[] weights, int length, String why) {
        return weights == null ? ones(length) : Require.length(name, weights, length, why);
    }

    /** Whether the BPTT cut falls after step index {@code step} (0-based): every {@code every}-th step. */
    static boolean cutsAfter(boolean cutBptt, int cutBpttEvery, int step) {
        return cutBptt && (step + 1) % cutBpttEvery == 0;
    }
}
