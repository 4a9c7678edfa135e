package dev.trainax.trainers;

import dev.trainax.api.internal.Require;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaBelief;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * A gradient-based optimizer in optax's form: optional clipping by global norm, a scaling rule
 * (SGD, momentum, Nesterov, or one of ND4J's adaptive updaters run at unit rate), optional decoupled
 * weight decay, then the learning-rate schedule: {@code θ ← θ − lr(step) · (rule(g) + wd · θ)}.
 * Immutable; the mutable part lives in {@link OptimizerState}.
 */
public final class Optimizer {

    private enum Rule { SGD, MOMENTUM, NESTEROV, ADAPTIVE }

    private final String name;
    private final Rule rule;
    private final LearningRateSchedule schedule;
    private final double momentum;
    private final Supplier<IUpdater> adaptive;
    private final double weightDecay;
    private final double clipNorm;
    /** The rule's ND4J configuration if it is plain Adam ({@link AdamStep} runs it for few parameters), else null. */
    private final Adam adamConfig;

    private Optimizer(String name, Rule rule, LearningRateSchedule schedule, double momentum,
                      Supplier<IUpdater> adaptive, double weightDecay, double clipNorm) {
        this.name = name;
        this.rule = rule;
        this.schedule = Require.present("schedule", schedule);
        this.momentum = momentum;
        this.adaptive = adaptive;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        IUpdater updater = adaptive == null ? null : adaptive.get();
        this.adamConfig = updater != null && updater.getClass() == Adam.class ? (Adam) updater : null;
    }

    private static Optimizer adaptive(String name, LearningRateSchedule schedule, Supplier<IUpdater> updater) {
        return new Optimizer(name, Rule.ADAPTIVE, schedule, 0, updater, 0, 0);
    }

    /** Plain gradient descent. */
    public static Optimizer sgd(LearningRateSchedule schedule) {
        return new Optimizer("sgd", Rule.SGD, schedule, 0, null, 0, 0);
    }

    /** Heavy-ball momentum: {@code m ← g + μ m}, step {@code lr · m} (optax.sgd with momentum). */
    public static Optimizer momentum(LearningRateSchedule schedule, double momentum) {
        return new Optimizer("momentum", Rule.MOMENTUM, schedule, checkMomentum(momentum), null, 0, 0);
    }

    /** Nesterov momentum: {@code m ← g + μ m}, step {@code lr · (g + μ m)} (optax.sgd with nesterov). */
    public static Optimizer nesterov(LearningRateSchedule schedule, double momentum) {
        return new Optimizer("nesterov", Rule.NESTEROV, schedule, checkMomentum(momentum), null, 0, 0);
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (optax's defaults). */
    public static Optimizer adam(LearningRateSchedule schedule) {
        return adaptive("adam", schedule, () -> new Adam(1.0));
    }

    /** Adam at a constant learning rate. */
    public static Optimizer adam(double learningRate) {
        return adam(LearningRateSchedule.constant(learningRate));
    }

    /** AdamW: Adam with decoupled weight decay {@code wd · θ} added to the step. */
    public static Optimizer adamw(LearningRateSchedule schedule, double weightDecay) {
        Require.atLeast("weightDecay", weightDecay, 0.0);
        return new Optimizer("adamw", Rule.ADAPTIVE, schedule, 0, () -> new Adam(1.0), weightDecay, 0);
    }

    /** RMSProp with decay 0.9 and ε = 1e-8 (optax's defaults). */
    public static Optimizer rmsprop(LearningRateSchedule schedule) {
        return adaptive("rmsprop", schedule, () -> new RmsProp(1.0, 0.9, 1e-8));
    }

    /** AdaGrad. */
    public static Optimizer adagrad(LearningRateSchedule schedule) {
        return adaptive("adagrad", schedule, () -> new AdaGrad(1.0));
    }

    /** AdaMax. */
    public static Optimizer adamax(LearningRateSchedule schedule) {
        return adaptive("adamax", schedule, () -> new AdaMax(1.0));
    }

    /** Nadam (Adam with Nesterov momentum). */
    public static Optimizer nadam(LearningRateSchedule schedule) {
        return adaptive("nadam", schedule, () -> new Nadam(1.0));
    }

    /** AMSGrad. */
    public static Optimizer amsgrad(LearningRateSchedule schedule) {
        return adaptive("amsgrad", schedule, () -> new AMSGrad(1.0));
    }

    /** AdaBelief. */
    public static Optimizer adabelief(LearningRateSchedule schedule) {
        return adaptive("adabelief", schedule, () -> new AdaBelief(1.0));
    }

    private static double checkMomentum(double momentum) {
        Require.that(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        return momentum;
    }

    /** The same optimizer, clipping gradients to global L2 norm ≤ {@code maxNorm} first. */
    public Optimizer withGradientClipping(double maxNorm) {
        Require.that(maxNorm > 0, "maxNorm", "must be > 0, got " + maxNorm);
        return new Optimizer(name, rule, schedule, momentum, adaptive, weightDecay, maxNorm);
    }

    /** Whether a step treats every entry on its own (no clipping by a global norm couples them). */
    boolean elementwise() {
        return clipNorm <= 0;
    }

    /** The learning rate at {@code step}. */
    public double learningRate(int step) {
        return schedule.at(step);
    }

    /** Fresh state for {@code size} parameters. */
    public OptimizerState init(long size, DataType type) {
        long bufferSize = switch (rule) {
            case SGD -> 0;
            case MOMENTUM, NESTEROV -> size;
            case ADAPTIVE -> adaptive.get().stateSize(size);
        };
        return new OptimizerState(bufferSize == 0 ? null : Nd4j.zeros(type, 1, bufferSize), 0);
    }

    /**
     * One update: changes {@code parameters} in place; {@code gradient} is consumed (overwritten).
     *
     * @param parameters flat parameters {@code [n]}
     * @param gradient   flat gradient {@code [n]} of the same type
     * @param state      state from {@link #init} for {@code n} parameters; advanced by one step
     */
    public void step(INDArray parameters, INDArray gradient, OptimizerState state) {
        if (clipNorm > 0) {
            double norm = gradient.norm2Number().doubleValue();
            if (norm > clipNorm) {
                gradient.muli(clipNorm / norm);
            }
        }
        if (adamConfig != null && AdamStep.applies(parameters, gradient, state.buffers())) {
            AdamStep.apply(adamConfig, parameters, gradient, state.buffers(), state.steps(),
                    schedule.at(state.steps()), weightDecay);
            state.advance();
            return;
        }
        INDArray update = switch (rule) {
            case SGD -> gradient;
            case MOMENTUM -> gradient.assign(state.buffers().reshape(gradient.shape()).muli(momentum).addi(gradient));
            case NESTEROV -> gradient.addi(state.buffers().reshape(gradient.shape()).muli(momentum).addi(gradient)
                    .mul(momentum));
            case ADAPTIVE -> {
                GradientUpdater<?> updater = state.updater(() -> adaptive.get().instantiate(state.buffers(), false));
                updater.applyUpdater(gradient, state.steps(), 0);
                yield gradient;
            }
        };
        if (weightDecay > 0) {
            update.addi(parameters.mul(weightDecay));
        }
        parameters.subi(update.muli(schedule.at(state.steps())));
        state.advance();
    }

    @Override
    public String toString() {
        return name + (clipNorm > 0 ? "+clip(" + clipNorm + ")" : "");
    }
}
