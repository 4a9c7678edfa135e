package dev.trainax.trainers;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.internal.Require;
import java.util.List;

/**
 * Minibatch training of a network under any configuration, as Trainax's {@code GeneralTrainer}:
 * the network and its initial parameters are given to {@link #train}, everything else comes from
 * the {@link RunPlan} it was built from ({@link Trainer#of} or {@link RunPlan.Builder#build()}).
 * Per update step it draws a minibatch of windows ({@link PermutationMixer} over the plan's
 * windows), evaluates the configuration's loss and gradient with the engine, runs the callbacks on
 * the pre-update state, records the pre-update loss and applies the optimizer. The same seed
 * gives the same result.
 */
public final class GeneralTrainer {

    private final RunPlan plan;

    GeneralTrainer(RunPlan plan) {
        this.plan = plan;
    }

    /** The run this trainer executes. */
    public RunPlan plan() {
        return plan;
    }

    /** Where the minibatches come from. */
    public TrajectorySubStacker subStacker() {
        return plan.windows();
    }

    /** Trains {@code network} from its initial parameters for the plan's {@code initSeed}, minibatches from its {@code seed}. */
    public TrainingResult train(Network network) {
        return train(network, network.initialParameters(plan.training().initSeed()), plan.training().seed());
    }

    /**
     * Trains {@code network} from {@code initial} with minibatches drawn from {@code seed} and a
     * fresh optimizer state.
     */
    public TrainingResult train(Stepper network, Parameters initial, long seed) {
        return train(network, initial, seed, null);
    }

    /**
     * Trains {@code network} from {@code initial}; {@code state} (may be null) continues an earlier
     * run's optimizer state, which is copied and left unchanged.
     */
    public TrainingResult train(Stepper network, Parameters initial, long seed, OptimizerState state) {
        Require.present("network", network);
        Require.present("initial", initial);
        return new TrainingLoop(plan).run(network, List.of(initial), seed, state).get(0);
    }

    /**
     * Trains several independent copies of {@code network} together, one per initial parameter set
     * (e.g. drawn from different seeds), in one computation per step on the same minibatches: the
     * analogue of vmapping a Trainax trainer over initialisation keys. Each result equals what
     * {@link #train} gives for that initialisation alone.
     */
    public List<TrainingResult> trainEnsemble(Stepper network, List<Parameters> initials, long seed) {
        Require.present("network", network);
        Require.that(initials != null && !initials.isEmpty(), "initials", "must hold at least one parameter set");
        return new TrainingLoop(plan).run(network, initials, seed, null);
    }

    /** The configuration's loss of {@code network} on every window of the data set. */
    public double fullLoss(Stepper network, Parameters parameters) {
        try (Objective objective = plan.engine().compile(plan.problem(network, parameters))) {
            return objective.loss(parameters.copy(plan.training().dataType().type()), plan.windows().all());
        }
    }
}
