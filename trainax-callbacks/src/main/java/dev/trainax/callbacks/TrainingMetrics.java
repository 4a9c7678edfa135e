package dev.trainax.callbacks;

import dev.trainax.api.TrainingView;
import dev.trainax.api.internal.Require;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes training to any Micrometer {@link MeterRegistry}, tagged with {@code run} and
 * {@code configuration}: gauges {@code trainax.train.loss}, {@code trainax.train.learning.rate},
 * {@code trainax.train.gradient.norm}, {@code trainax.train.weight.norm},
 * {@code trainax.train.examples.per.second}; timer {@code trainax.train.step} (time between
 * consecutive steps); counter {@code trainax.train.steps}. Runs every step and records nothing in
 * the training result.
 */
public final class TrainingMetrics extends BaseCallback {

    private final Timer stepTimer;
    private final Counter steps;
    private final AtomicReference<double[]> latest = new AtomicReference<>(new double[5]);
    private long lastStepNanos = -1;

    /**
     * @param registry      where the meters live (Guice-injected in applications, or any registry)
     * @param runId         the {@code run} tag
     * @param configuration the {@code configuration} tag, e.g. {@code supervised}
     */
    public TrainingMetrics(MeterRegistry registry, String runId, String configuration) {
        super(1, "metrics");
        Require.present("registry", registry);
        Tags tags = Tags.of("run", Require.present("runId", runId),
                "configuration", Require.present("configuration", configuration));
        gauge(registry, "trainax.train.loss", "minibatch loss before the update", tags, 0);
        gauge(registry, "trainax.train.learning.rate", "learning rate of the step", tags, 1);
        gauge(registry, "trainax.train.gradient.norm", "L2 norm of the training gradient", tags, 2);
        gauge(registry, "trainax.train.weight.norm", "L2 norm of all parameters", tags, 3);
        gauge(registry, "trainax.train.examples.per.second", "windows per second over the last step", tags, 4);
        this.stepTimer = Timer.builder("trainax.train.step").description("wall time of one update step").tags(tags)
                .register(registry);
        this.steps = Counter.builder("trainax.train.steps").description("update steps taken").tags(tags)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags, int index) {
        Gauge.builder(name, latest, values -> values.get()[index]).description(description).tags(tags)
                .strongReference(true).register(registry);
    }

    @Override
    public Object onStep(TrainingView view) {
        long now = System.nanoTime();
        double examplesPerSecond = latest.get()[4];
        if (lastStepNanos >= 0) {
            long elapsed = now - lastStepNanos;
            stepTimer.record(elapsed, TimeUnit.NANOSECONDS);
            examplesPerSecond = view.batch().shape()[0] / (elapsed / 1e9);
        }
        lastStepNanos = now;
        latest.set(new double[] {view.loss(), view.learningRate(), Math.sqrt(view.gradient().squaredNorm()),
            Math.sqrt(view.parameters().squaredNorm()), examplesPerSecond});
        steps.increment();
        return null;
    }
}
