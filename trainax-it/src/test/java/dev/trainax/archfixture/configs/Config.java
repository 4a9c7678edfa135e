package dev.trainax.archfixture.configs;

/** Fixture: closes a cycle back to the engine. */
public class Config {
    @Override
    public String toString() {
        return String.valueOf(new dev.trainax.archfixture.engine.Impl());
    }
}
