package dev.trainax.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Picocli's object factory: the commands, mixins and converters of this package come from the Guice
 * injector (so an application's overrides of {@link CliModule} reach them); picocli's own classes
 * ({@code help}, collections) from picocli's default factory.
 */
final class GuiceFactory implements CommandLine.IFactory {

    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getPackageName().equals(GuiceFactory.class.getPackageName())) {
            return injector.getInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
