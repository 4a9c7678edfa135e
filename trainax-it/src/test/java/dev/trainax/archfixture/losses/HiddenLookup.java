package dev.trainax.archfixture.losses;

import dev.trainax.archfixture.api.plugin.PluginRegistry;

/** Fixture: an implementation that discovers plugins itself instead of having them passed in. */
public class HiddenLookup {
    @Override
    public String toString() {
        return String.valueOf(PluginRegistry.load());
    }
}
