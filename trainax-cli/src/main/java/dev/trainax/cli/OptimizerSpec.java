package dev.trainax.cli;

import dev.trainax.api.plugin.Param;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.api.plugin.RecordParameters;
import dev.trainax.trainers.LearningRateSchedule;
import dev.trainax.trainers.Optimizer;
import java.lang.invoke.MethodHandles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code optimizer} section: name, learning rate or schedule, clipping, weight decay, momentum.
 * Both the section and its {@code schedule} are declared once, as the records below.
 */
final class OptimizerSpec {

    /** The update rules a spec can name. */
    enum Rule { ADAM, ADAMW, SGD, MOMENTUM, NESTEROV, RMSPROP, ADAGRAD, ADAMAX, NADAM, AMSGRAD, ADABELIEF }

    /** The learning-rate schedules a spec can name. */
    enum ScheduleType { CONSTANT, EXPONENTIAL, STEP, WARMUP_COSINE }

    /** The {@code optimizer} section without its {@code schedule}. */
    record Section(
            @Param(value = "the update rule", defaultValue = "adam") Rule name,
            @Param(value = "constant learning rate (when no schedule is given)", defaultValue = "0.001", min = 0)
            double learningRate,
            @Param(value = "momentum of momentum/nesterov", defaultValue = "0.9", min = 0, max = 0.999999)
            double momentum,
            @Param(value = "decoupled weight decay of adamw", defaultValue = "0.0001", min = 0) double weightDecay,
            @Param(value = "clip gradients to this global norm", optional = true, min = 0) Double clipNorm) {
    }

    /** The {@code optimizer.schedule} section. */
    record Schedule(
            @Param(value = "schedule") ScheduleType type,
            @Param(value = "initial rate", min = 0) double init,
            @Param(value = "warmup-cosine: rate after warm-up", optional = true, min = 0) Double peak,
            @Param(value = "warmup-cosine: final rate", defaultValue = "0.0", min = 0) double end,
            @Param(value = "warmup-cosine: warm-up steps", defaultValue = "0", min = 0) int warmupSteps,
            @Param(value = "warmup-cosine: steps until the end rate", optional = true, min = 1) Integer decaySteps,
            @Param(value = "exponential: steps per decay", defaultValue = "1000", min = 1) int transitionSteps,
            @Param(value = "exponential: factor per transition", defaultValue = "0.5", min = 0) double decayRate,
            @Param(value = "exponential: integer exponent", defaultValue = "false") boolean staircase,
            @Param(value = "step: factor", defaultValue = "0.1", min = 0) double factor,
            @Param(value = "step: steps between factors", defaultValue = "1000", min = 1) int every) {

        LearningRateSchedule create() {
            return switch (type) {
                case CONSTANT -> LearningRateSchedule.constant(init);
                case EXPONENTIAL -> LearningRateSchedule.exponentialDecay(init, transitionSteps, decayRate, staircase);
                case STEP -> LearningRateSchedule.step(init, factor, every);
                case WARMUP_COSINE -> {
                    if (peak == null || decaySteps == null) {
                        throw new IllegalArgumentException("warmup-cosine needs peak and decaySteps");
                    }
                    yield LearningRateSchedule.warmupCosine(init, peak, warmupSteps, decaySteps, end);
                }
            };
        }
    }

    private static final RecordParameters<Section> SECTION =
            RecordParameters.of(Section.class, MethodHandles.lookup());
    private static final RecordParameters<Schedule> SCHEDULE =
            RecordParameters.of(Schedule.class, MethodHandles.lookup());

    private OptimizerSpec() {
    }

    static Optimizer parse(Map<String, Object> raw, PluginRegistry registry) {
        Map<String, Object> options = new LinkedHashMap<>(raw);
        Object scheduleRaw = options.remove("schedule");
        Section section = SECTION.create(options, "spec.optimizer", registry);
        LearningRateSchedule schedule = scheduleRaw == null ? LearningRateSchedule.constant(section.learningRate())
                : schedule(RunSpec.asMap(scheduleRaw, "spec.optimizer.schedule"), registry);
        Optimizer optimizer = switch (section.name()) {
            case ADAM -> Optimizer.adam(schedule);
            case ADAMW -> Optimizer.adamw(schedule, section.weightDecay());
            case SGD -> Optimizer.sgd(schedule);
            case MOMENTUM -> Optimizer.momentum(schedule, section.momentum());
            case NESTEROV -> Optimizer.nesterov(schedule, section.momentum());
            case RMSPROP -> Optimizer.rmsprop(schedule);
            case ADAGRAD -> Optimizer.adagrad(schedule);
            case ADAMAX -> Optimizer.adamax(schedule);
            case NADAM -> Optimizer.nadam(schedule);
            case AMSGRAD -> Optimizer.amsgrad(schedule);
            case ADABELIEF -> Optimizer.adabelief(schedule);
        };
        return section.clipNorm() != null ? optimizer.withGradientClipping(section.clipNorm()) : optimizer;
    }

    private static LearningRateSchedule schedule(Map<String, Object> raw, PluginRegistry registry) {
        Schedule schedule = SCHEDULE.create(raw, "spec.optimizer.schedule", registry);
        try {
            return schedule.create();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec.optimizer.schedule: " + e.getMessage(), e);
        }
    }
}
