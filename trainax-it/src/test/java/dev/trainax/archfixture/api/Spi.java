package dev.trainax.archfixture.api;

/** Fixture: an api type that wrongly reaches into an implementation. */
public class Spi {
    public Object leak() {
        return new dev.trainax.archfixture.engine.Impl();
    }
}
