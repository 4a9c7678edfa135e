package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A provider whose parameters are the {@link Param}-annotated components of a record: extend it
 * and implement the kind's provider interface. When the record is the plugin itself (as
 * configurations are), the factory is {@link Function#identity()}; otherwise it builds the plugin
 * from the record, e.g.
 * <pre>{@code
 * public final class ConvNetProvider extends RecordProvider<ConvNet.Options, Network> implements NetworkProvider {
 *     public ConvNetProvider() {
 *         super("convnet", "lift, hidden convolutions, projection", ConvNet.Options.class,
 *               MethodHandles.lookup(), ConvNet::new);
 *     }
 * }
 * }</pre>
 *
 * @param <R> the parameter record
 * @param <T> what the provider creates
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class RecordProvider<R extends Record, T> implements PluginProvider<T> {

    private final String id;
    private final String description;
    private final RecordParameters<R> record;
    private final Function<? super R, ? extends T> factory;

    /**
     * @param id          the stable kebab-case id
     * @param description one line
     * @param record      the parameter record, one {@link Param} per component
     * @param lookup      {@code MethodHandles.lookup()} of the plugin's code, to reach the record's constructor
     * @param factory     builds the plugin from the record; an {@link IllegalArgumentException} it (or
     *                    the record's constructor) throws is reported under the spec path
     */
    protected RecordProvider(String id, String description, Class<R> record, MethodHandles.Lookup lookup,
                             Function<? super R, ? extends T> factory) {
        this.id = id;
        this.description = description;
        this.record = RecordParameters.of(record, lookup);
        this.factory = factory;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<PluginParameter> parameters() {
        return record.parameters();
    }

    /** The parameter record type. */
    public final Class<R> recordType() {
        return record.type();
    }

    @Override
    public final T create(PluginArguments arguments) {
        try {
            return factory.apply(record.create(arguments));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(arguments.path() + "." + e.getMessage(), e);
        }
    }
}
