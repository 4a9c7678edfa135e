package dev.trainax.archfixture.engine;

import dev.trainax.archfixture.configs.Config;

/** Fixture: an implementation that prints and depends on a sibling implementation. */
public class Impl {
    public void talk() {
        System.out.println(new Config());
    }
}
