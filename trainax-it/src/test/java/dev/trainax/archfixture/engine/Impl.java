package dev.trainax.archfixture.engine;

/** Fixture: an implementation that prints and depends on a sibling implementation. */
public class Impl {
    public void talk() {
        System.out.println(new dev.trainax.archfixture.configs.Config());
    }
}
