package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.MemberBatchedNetwork;
import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import dev.trainax.api.StepContext;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Conv;
import dev.trainax.nn.Padding;
import dev.trainax.testkit.EnsembleCheck;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Members evaluated together equal members evaluated alone: batched (an MLP and convolutions in
 * 1D and 2D, {@link MemberBatchedNetwork}) and in turn through one program (any other network).
 */
class EnsembleTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    /** The fixture's network, or a network whose states reshape the fixture's 10 values. */
    private static Network network(String kind) {
        return switch (kind) {
            case "mlp" -> FIXTURE.network;
            case "conv1d" -> new Conv(1, 2, 2, 3, true, Padding.REFLECT);
            case "conv1d-zero" -> new Conv(1, 2, 2, 4, false, Padding.ZERO);
            case "conv1d-circular" -> new Conv(1, 2, 2, 2, true, Padding.CIRCULAR);
            case "conv2d" -> new Conv(2, 1, 1, 2, true, Padding.CIRCULAR);
            // the same MLP hidden behind a plain Network: members in turn through one program
            default -> new PlainMlp();
        };
    }

    private static long[] stateShape(String kind) {
        return switch (kind) {
            case "conv1d", "conv1d-zero", "conv1d-circular" -> new long[] {2, 5};
            case "conv2d" -> new long[] {1, 2, 5};
            default -> new long[] {Fixture.DOF};
        };
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"mlp, supervised", "mlp, cut", "mlp, diverted", "mlp, sum", "mlp, residuum",
        "conv1d, supervised", "conv1d, diverted", "conv1d-zero, cut", "conv1d-circular, residuum", "conv2d, cut",
        "copies, supervised", "copies, diverted", "mlp, noisy", "mlp, sampled", "conv1d, noisy", "copies, noisy",
        "copies, sampled"})
    void membersEqualSeparateObjectives(String kind, String which) {
        Network network = network(kind);
        assertEquals(!"copies".equals(kind), network instanceof MemberBatchedNetwork, kind);
        long[] stateShape = stateShape(kind);
        long[] windowShape = new long[stateShape.length + 2];
        windowShape[0] = FIXTURE.data.size(0);
        windowShape[1] = FIXTURE.data.size(1);
        System.arraycopy(stateShape, 0, windowShape, 2, stateShape.length);
        INDArray data = FIXTURE.data.reshape(windowShape);
        Configuration configuration = Fixture.named(which);
        List<Parameters> members = List.of(network.initialParameters(4).copy(DataType.DOUBLE),
                network.initialParameters(5).copy(DataType.DOUBLE), network.initialParameters(6).copy(DataType.DOUBLE));
        TrainingProblem problem = TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(configuration)
                .network(network, members.get(0)).referenceStepper(FIXTURE.reference).residuum(FIXTURE.residuum)
                .stateShape(stateShape).dataType(DataType.DOUBLE).build();
        EnsembleCheck.Result check = EnsembleCheck.check(Fixture.ENGINE, problem, members, data);
        assertTrue(check.maxLossError() < 1e-12 && check.maxGradientError() < 1e-12, check.toString());
        try (EnsembleObjective ensemble = Fixture.ENGINE.compileEnsemble(problem, 3)) {
            assertEquals(3, ensemble.members());
            double[] losses = ensemble.losses(members, data);
            assertTrue(losses[0] != losses[1], "members are independent");
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> ensemble.losses(members.subList(0, 2), data)).getMessage()
                    .startsWith("parameters must hold one parameter set per member (3), got 2"));
        }
    }

    @org.junit.jupiter.api.Test
    void theKitCatchesABatchedNetworkThatMixesMembersUp() {
        // batched: every member uses member 0's parameters; alone: its own
        class MixedUp extends PlainMlp implements MemberBatchedNetwork {
            @Override
            public SDVariable applyMembers(StepContext context,
                    SDVariable states, int members, long[] stateShape) {
                return states.mul(1.5);
            }
        }
        MemberBatchedNetwork wrong = new MixedUp();
        List<Parameters> members = List.of(wrong.initialParameters(4).copy(DataType.DOUBLE),
                wrong.initialParameters(5).copy(DataType.DOUBLE));
        TrainingProblem problem = TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(2))
                .network(wrong, members.get(0)).stateShape(Fixture.DOF).dataType(DataType.DOUBLE).build();
        EnsembleCheck.Result check = EnsembleCheck.check(Fixture.ENGINE, problem, members, FIXTURE.data);
        assertTrue(check.maxLossError() > 1e-3, check.toString());
        assertEquals(2, check.members());
    }

    /** The fixture's MLP as a plain {@link Network}, without its batched evaluation. */
    private static class PlainMlp implements Network {
        @Override
        public Parameters initialParameters(long seed) {
            return FIXTURE.network.initialParameters(seed);
        }

        @Override
        public SDVariable apply(StepContext context,
                                                           SDVariable state) {
            return FIXTURE.network.apply(context, state);
        }
    }
}
