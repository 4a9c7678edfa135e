package dev.trainax.api.plugin;

import dev.trainax.api.DataSource;

/** Service interface for data sources (generators and file readers); declare implementations with {@code provides}. */
public interface DataSourceProvider extends PluginProvider<DataSource> {
}
