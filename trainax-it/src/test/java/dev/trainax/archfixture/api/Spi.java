package dev.trainax.archfixture.api;

import dev.trainax.archfixture.engine.Impl;

/** Fixture: an api type that wrongly reaches into an implementation. */
public class Spi {
    public Object leak() {
        return new Impl();
    }
}
