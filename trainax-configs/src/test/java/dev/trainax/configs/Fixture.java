package dev.trainax.configs;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.Residuum;
import dev.trainax.api.Stepper;
import dev.trainax.api.Steppers;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.Mlp;
import dev.trainax.testkit.RandomArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The setting of Trainax's equality tests, in float64: states of 10 degrees of freedom, a batch of
 * 5, MLP network, MLP reference stepper producing the data (20 steps), and a residuum
 * {@code R(next, prev) = mlpNext(next) − mlpPrev(prev)} of two more MLPs.
 */
final class Fixture {

    static final int DOF = 10;
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final Engine ENGINE = REGISTRY.create(PluginKind.ENGINE, "samediff");

    final Mlp network;
    final Parameters parameters;
    final Stepper reference;
    final Residuum residuum;
    final INDArray data;

    Fixture(int width, int depth, Activation activation) {
        network = new Mlp(DOF, width, depth, activation);
        parameters = network.initialParameters(11).copy(DataType.DOUBLE);
        Mlp referenceNetwork = new Mlp(DOF, width, depth, activation);
        Parameters referenceParameters = referenceNetwork.initialParameters(27);
        reference = Steppers.frozen(referenceNetwork, referenceParameters);
        Stepper onNext = Steppers.frozen(new Mlp(DOF, width, depth, activation),
                new Mlp(DOF, width, depth, activation).initialParameters(31));
        Stepper onPrev = Steppers.frozen(new Mlp(DOF, width, depth, activation),
                new Mlp(DOF, width, depth, activation).initialParameters(77));
        residuum = (context, next, previous) -> onNext.apply(context, next).sub(onPrev.apply(context, previous));
        INDArray initial = RandomArrays.gaussian(0, DataType.DOUBLE, 5, DOF);
        data = ENGINE.compileRollout(referenceNetwork, referenceParameters, new long[] {DOF}, DataType.DOUBLE)
                .trajectory(initial, 20);
    }

    /** The equality tests' MLP: width 16, depth 3, ReLU. */
    static Fixture equalitySuite() {
        return new Fixture(16, 3, Activation.RELU);
    }

    /** A smaller smooth MLP for finite differences. */
    static Fixture smooth() {
        return new Fixture(8, 2, Activation.TANH);
    }

    Objective compile(Configuration configuration) {
        return ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(configuration).network(network, parameters)
                .referenceStepper(reference).residuum(residuum).stateShape(DOF).dataType(DataType.DOUBLE).build());
    }

    LossAndGradient evaluate(Configuration configuration) {
        try (Objective objective = compile(configuration)) {
            return objective.lossAndGradient(parameters, data);
        }
    }

    /** The configurations the ensemble and execution tests cover, by name. */
    static Configuration named(String which) {
        return switch (which) {
            case "supervised" -> Supervised.of(3);
            case "cut" -> Supervised.of(4).withCutBptt(2);
            case "diverted" -> DivertedChain.of(3, 2).withCutDivChain();
            case "mix" -> MixChainPostPhysics.of(2, 1);
            case "sum" -> Supervised.of(2).withLoss(MeanPowerLoss.mse(
                    BatchReduction.SUM));
            case "residuum" -> ResiduumTraining.of(2);
            case "lp" -> Supervised.of(3).withLoss(MeanPowerLoss.lp(1.5, true,
                    BatchReduction.SUM));
            case "noisy" -> NoisySupervised.of(3, 0.1).withRelativeNoise();
            case "sampled" -> ScheduledSampling.linear(3, 0.5, 0.5);
            case "random-push" -> RandomPushforward.of(2);
            default -> throw new IllegalArgumentException("no configuration named " + which);
        };
    }
}
