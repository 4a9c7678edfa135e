package dev.trainax.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.StudyExecutor;
import org.apiguardian.api.API;

/** Service interface for study executors; declare implementations with {@code provides} in {@code module-info}. */
@API(status = EXPERIMENTAL, since = "0.2")
public interface StudyExecutorProvider extends PluginProvider<StudyExecutor> {
}
