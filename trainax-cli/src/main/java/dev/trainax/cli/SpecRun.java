package dev.trainax.cli;

import dev.trainax.api.Callback;
import dev.trainax.api.Configuration;
import dev.trainax.api.Network;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.TimeLevelLoss;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginArguments;
import dev.trainax.trainers.Optimizer;
import dev.trainax.trainers.RunPlan;
import dev.trainax.trainers.Trainer;
import dev.trainax.trainers.TrainingOptions;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run spec's validated parts, as {@link RunAssembler} built them.
 *
 * @param spec              the spec they come from
 * @param trainingArguments the bound {@code training} section
 * @param trainingRaw       the {@code training} section as given, with command-line overrides
 * @param training          the training options
 * @param engine            the spec's engine, or the application's default
 * @param defaultLoss       the loss of configurations that leave theirs at the default
 * @param trajectories      the data
 * @param network           the trained network
 * @param configuration     the methodology
 * @param configurationId   its plugin id
 * @param referenceStepper  the reference stepper, or null
 * @param residuum          the residuum, or null
 * @param optimizer         the optimizer
 * @param callbacks         the spec's callbacks
 */
record SpecRun(RunSpec spec, PluginArguments trainingArguments, Map<String, Object> trainingRaw,
               TrainingOptions training, Engine engine, TimeLevelLoss defaultLoss, INDArray trajectories,
               Network network, Configuration configuration, String configurationId, Stepper referenceStepper,
               Residuum residuum, Optimizer optimizer, List<Callback> callbacks) {

    /** A run builder with every part of the spec; callers add progress and further callbacks. */
    RunPlan.Builder planBuilder() {
        return Trainer.of(configuration).trajectories(trajectories).network(network)
                .referenceStepper(referenceStepper).residuum(residuum).engine(engine).defaultLoss(defaultLoss).optimizer(optimizer).training(training)
                .callbacks(callbacks);
    }
}
