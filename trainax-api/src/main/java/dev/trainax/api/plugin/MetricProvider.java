package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.RolloutMetric;
import org.apiguardian.api.API;

/** Service interface for rollout metrics; declare implementations with {@code provides} in {@code module-info}. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface MetricProvider extends PluginProvider<RolloutMetric> {
}
