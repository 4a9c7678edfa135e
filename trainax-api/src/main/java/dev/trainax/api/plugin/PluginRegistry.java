package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Every plugin provider, by kind and id. {@link #load()} discovers them with
 * {@link ServiceLoader} on the module path and the class path. Two providers of one kind with the
 * same id are an error naming both modules; asking for an unknown id is an error listing the known
 * ones.
 */
@API(status = STABLE, since = "0.1")
public final class PluginRegistry {

    private final Map<PluginKind, Map<String, PluginProvider<?>>> providers = new EnumMap<>(PluginKind.class);

    private PluginRegistry(Collection<? extends PluginProvider<?>> all) {
        for (PluginKind kind : PluginKind.values()) {
            providers.put(kind, new TreeMap<>());
        }
        for (PluginProvider<?> provider : all) {
            register(provider);
        }
    }

    /** Discovers every provider visible to this module's class loader and the context class loader. */
    public static PluginRegistry load() {
        List<PluginProvider<?>> found = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            ServiceLoader.load(kind.providerType()).forEach(found::add);
        }
        return new PluginRegistry(found);
    }

    /** A registry of exactly these providers (useful in tests and embedded setups). */
    public static PluginRegistry of(Collection<? extends PluginProvider<?>> providers) {
        return new PluginRegistry(providers);
    }

    private void register(PluginProvider<?> provider) {
        List<PluginKind> kinds = kindsOf(provider);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("provider " + provider.getClass().getName()
                    + " implements none of the provider interfaces of " + List.of(PluginKind.values()));
        }
        for (PluginKind kind : kinds) {
            PluginProvider<?> previous = providers.get(kind).putIfAbsent(provider.id(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new IllegalStateException("duplicate " + kind.label() + " id '" + provider.id() + "': "
                        + previous.getClass().getName() + " in module " + moduleOf(previous) + " and "
                        + provider.getClass().getName() + " in module " + moduleOf(provider));
            }
        }
    }

    private static List<PluginKind> kindsOf(PluginProvider<?> provider) {
        List<PluginKind> kinds = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            if (kind.providerType().isInstance(provider)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static String moduleOf(PluginProvider<?> provider) {
        Module module = provider.getClass().getModule();
        return module.isNamed() ? module.getName() : "unnamed";
    }

    /** All providers, sorted by kind then id. */
    public List<PluginDescriptor> descriptors() {
        List<PluginDescriptor> all = new ArrayList<>();
        providers.forEach((kind, byId) -> byId.values().forEach(p -> all.add(
                new PluginDescriptor(kind, p.id(), p.description(), moduleOf(p), p.parameters()))));
        all.sort(Comparator.comparing(PluginDescriptor::kind).thenComparing(PluginDescriptor::id));
        return all;
    }

    /** The ids known for {@code kind}, sorted. */
    public List<String> ids(PluginKind kind) {
        return List.copyOf(providers.get(kind).keySet());
    }

    /**
     * The provider of {@code kind} with {@code id}.
     *
     * @throws IllegalArgumentException naming the known ids if there is none
     */
    public PluginProvider<?> provider(PluginKind kind, String id) {
        PluginProvider<?> provider = providers.get(kind).get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown " + kind.label() + " '" + id + "'; known: " + ids(kind));
        }
        return provider;
    }

    /**
     * Creates a plugin from raw arguments (numbers, booleans, strings, lists, nested maps), validating
     * them first; errors name {@code path} and the offending entry.
     */
    public <T> T create(PluginKind kind, String id, Map<String, ?> arguments, String path) {
        PluginProvider<?> provider;
        try {
            provider = provider(kind, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        Object created = provider.create(PluginArguments.bind(provider, arguments, path, this));
        @SuppressWarnings("unchecked")
        T typed = (T) kind.productType().cast(created);
        return typed;
    }

    /** {@link #create} with the defaults of every parameter. */
    public <T> T create(PluginKind kind, String id) {
        return create(kind, id, Map.of(), kind.label() + " '" + id + "'");
    }
}
