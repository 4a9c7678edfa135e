package dev.trainax.archfixture.api.plugin;

/** Fixture: stands for the real registry. */
public final class PluginRegistry {

    private PluginRegistry() {
    }

    /** Stands for discovery. */
    public static PluginRegistry load() {
        return new PluginRegistry();
    }
}
