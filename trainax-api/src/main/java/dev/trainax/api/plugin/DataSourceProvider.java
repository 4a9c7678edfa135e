package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.DataSource;
import org.apiguardian.api.API;

/** Service interface for data sources (generators and file readers); declare implementations with {@code provides}. */
@API(status = STABLE, since = "0.1")
public interface DataSourceProvider extends PluginProvider<DataSource> {
}
