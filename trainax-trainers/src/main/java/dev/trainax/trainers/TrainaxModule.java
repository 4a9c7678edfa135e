package dev.trainax.trainers;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.trainax.api.plugin.PluginDescriptor;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginProvider;
import dev.trainax.api.plugin.PluginRegistry;

/**
 * Binds the {@link PluginRegistry} and, for every plugin kind, a map from id to provider (a Guice
 * {@link MapBinder} keyed by id), e.g. {@code Map<String, ConfigurationProvider>}.
 */
public final class TrainaxModule extends AbstractModule {

    private final PluginRegistry registry;

    /** Wires the providers discovered by {@link PluginRegistry#load()}. */
    public TrainaxModule() {
        this(PluginRegistry.load());
    }

    /** Wires the providers of {@code registry}. */
    public TrainaxModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        for (PluginKind kind : PluginKind.values()) {
            bindKind(kind);
        }
    }

    private <P extends PluginProvider<?>> void bindKind(PluginKind kind) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) kind.providerType();
        MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), String.class, type);
        for (PluginDescriptor descriptor : registry.descriptors()) {
            if (descriptor.kind() == kind) {
                binder.addBinding(descriptor.id()).toInstance(type.cast(registry.provider(kind, descriptor.id())));
            }
        }
    }
}
