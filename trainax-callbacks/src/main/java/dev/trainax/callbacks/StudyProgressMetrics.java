package dev.trainax.callbacks;

import dev.trainax.api.internal.Require;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Publishes a study's progress to any Micrometer {@link MeterRegistry}: the gauge
 * {@code trainax.study.runs}, tagged {@code study} and {@code state} (one of {@link #STATES}), whose
 * value is asked for at every scrape, so it follows the study whoever trains its runs.
 */
public final class StudyProgressMetrics {

    /** The states a run of a study is in; {@code running} also counts interrupted runs. */
    public static final List<String> STATES = List.of("done", "running", "failed", "pending");

    private StudyProgressMetrics() {
    }

    /**
     * Registers one gauge per state.
     *
     * @param registry    where the gauges live
     * @param study       the {@code study} tag, e.g. the study folder's name
     * @param runsInState the number of runs in a state (one of {@link #STATES}), read at every scrape
     */
    public static void register(MeterRegistry registry, String study, ToLongFunction<String> runsInState) {
        Require.present("registry", registry);
        Require.present("study", study);
        Require.present("runsInState", runsInState);
        for (String state : STATES) {
            Gauge.builder("trainax.study.runs", runsInState, count -> count.applyAsLong(state))
                    .description("runs of the study in this state (running: training now or interrupted)")
                    .tags("study", study, "state", state).strongReference(true).register(registry);
        }
    }
}
