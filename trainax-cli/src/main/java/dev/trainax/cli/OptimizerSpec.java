package dev.trainax.cli;

import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.api.plugin.PluginParameter;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.trainers.LearningRateSchedule;
import dev.trainax.trainers.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code optimizer} section: name, learning rate or schedule, clipping, weight decay, momentum. */
final class OptimizerSpec {

    private static final List<PluginParameter> OPTIMIZER = List.of(
            PluginParameter.string("name", "the update rule", "adam").oneOf("adam", "adamw", "sgd", "momentum",
                    "nesterov", "rmsprop", "adagrad", "adamax", "nadam", "amsgrad", "adabelief"),
            PluginParameter.number("learningRate", "constant learning rate (when no schedule is given)", 1e-3)
                    .atLeast(0),
            PluginParameter.number("momentum", "momentum of momentum/nesterov", 0.9).atLeast(0).atMost(0.999999),
            PluginParameter.number("weightDecay", "decoupled weight decay of adamw", 1e-4).atLeast(0),
            PluginParameter.number("clipNorm", "clip gradients to this global norm", null).atLeast(0).optional());

    private static final List<PluginParameter> SCHEDULE = List.of(
            PluginParameter.string("type", "schedule", null).oneOf("constant", "exponential", "step", "warmup-cosine"),
            PluginParameter.number("init", "initial rate", null).atLeast(0),
            PluginParameter.number("peak", "warmup-cosine: rate after warm-up", null).atLeast(0).optional(),
            PluginParameter.number("end", "warmup-cosine: final rate", 0.0).atLeast(0),
            PluginParameter.integer("warmupSteps", "warmup-cosine: warm-up steps", 0).atLeast(0),
            PluginParameter.integer("decaySteps", "warmup-cosine: steps until the end rate", null).atLeast(1)
                    .optional(),
            PluginParameter.integer("transitionSteps", "exponential: steps per decay", 1000).atLeast(1),
            PluginParameter.number("decayRate", "exponential: factor per transition", 0.5).atLeast(0),
            PluginParameter.bool("staircase", "exponential: integer exponent", false),
            PluginParameter.number("factor", "step: factor", 0.1).atLeast(0),
            PluginParameter.integer("every", "step: steps between factors", 1000).atLeast(1));

    private OptimizerSpec() {
    }

    static Optimizer parse(Map<String, Object> raw, PluginRegistry registry) {
        Map<String, Object> options = new LinkedHashMap<>(raw);
        Object scheduleRaw = options.remove("schedule");
        PluginArguments a = PluginArguments.bind("optimizer", OPTIMIZER, options, "spec.optimizer", registry);
        LearningRateSchedule schedule = scheduleRaw == null ? LearningRateSchedule.constant(a.number("learningRate"))
                : schedule(RunSpec.asMap(scheduleRaw, "spec.optimizer.schedule"), registry);
        Optimizer optimizer = switch (a.string("name")) {
            case "adam" -> Optimizer.adam(schedule);
            case "adamw" -> Optimizer.adamw(schedule, a.number("weightDecay"));
            case "sgd" -> Optimizer.sgd(schedule);
            case "momentum" -> Optimizer.momentum(schedule, a.number("momentum"));
            case "nesterov" -> Optimizer.nesterov(schedule, a.number("momentum"));
            case "rmsprop" -> Optimizer.rmsprop(schedule);
            case "adagrad" -> Optimizer.adagrad(schedule);
            case "adamax" -> Optimizer.adamax(schedule);
            case "nadam" -> Optimizer.nadam(schedule);
            case "amsgrad" -> Optimizer.amsgrad(schedule);
            default -> Optimizer.adabelief(schedule);
        };
        return a.has("clipNorm") ? optimizer.withGradientClipping(a.number("clipNorm")) : optimizer;
    }

    private static LearningRateSchedule schedule(Map<String, Object> raw, PluginRegistry registry) {
        PluginArguments s = PluginArguments.bind("schedule", SCHEDULE, raw, "spec.optimizer.schedule", registry);
        try {
            return switch (s.string("type")) {
                case "constant" -> LearningRateSchedule.constant(s.number("init"));
                case "exponential" -> LearningRateSchedule.exponentialDecay(s.number("init"),
                        s.integer("transitionSteps"), s.number("decayRate"), s.bool("staircase"));
                case "step" -> LearningRateSchedule.step(s.number("init"), s.number("factor"), s.integer("every"));
                default -> {
                    if (!s.has("peak") || !s.has("decaySteps")) {
                        throw new IllegalArgumentException("warmup-cosine needs peak and decaySteps");
                    }
                    yield LearningRateSchedule.warmupCosine(s.number("init"), s.number("peak"),
                            s.integer("warmupSteps"), s.integer("decaySteps"), s.number("end"));
                }
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec.optimizer.schedule: " + e.getMessage(), e);
        }
    }
}
