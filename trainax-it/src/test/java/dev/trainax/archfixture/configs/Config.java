package dev.trainax.archfixture.configs;

import dev.trainax.archfixture.engine.Impl;

/** Fixture: closes a cycle back to the engine. */
public class Config {
    @Override
    public String toString() {
        return String.valueOf(new Impl());
    }
}
