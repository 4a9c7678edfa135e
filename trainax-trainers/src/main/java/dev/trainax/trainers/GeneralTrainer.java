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

    /**
     * Trains {@code network} from {@link #initialParameters}, minibatches from the plan's {@code seed}.
     *
     * @throws IllegalArgumentException if the plan's initial parameters do not fit the network
     */
    public TrainingResult train(Network network) {
        return train(network, initialParameters(network), plan.training().seed());
    }

    /**
     * Where {@link #train(Network)} starts: the plan's initial parameters (a warm start) or else the
     * network's initialisation for the plan's {@code initSeed}.
     *
     * @throws IllegalArgumentException if the plan's initial parameters do not fit the network,
     *                                  naming both sets of names or the shapes that differ
     */
    public Parameters initialParameters(Network network) {
        Parameters initialisation = network.initialParameters(plan.training().initSeed());
        Parameters warm = plan.initialParameters();
        if (warm == null) {
            return initialisation;
        }
        initialisation.requireSameStructure("initialParameters (for network " + network + ")", warm);
        return warm;
    }

    /**
     * Continues the run that wrote {@code checkpoint} (from {@link CheckpointStore#latest()}) up to the
     * plan's {@code numTrainingSteps}, with the plan's callbacks and checkpoints: on CPU the results
     * equal, bit for bit, those of the run had it never stopped. One result per member (one for a
     * single run).
     *
     * @throws IllegalArgumentException if the plan differs from the checkpoint's run in what the
     *                                  minibatches or the arithmetic depend on, naming the difference
     */
    public List<TrainingResult> resume(Stepper network, Checkpoint checkpoint) {
        Require.present("network", network);
        Require.present("checkpoint", checkpoint);
        return new TrainingLoop(plan).resume(network, checkpoint);
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
