package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Configuration;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.EnsembleObjective;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.TrainingProblem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Members evaluated together equal members evaluated alone. */
class EnsembleTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    @ParameterizedTest
    @ValueSource(strings = {"supervised", "cut", "diverted"})
    void membersEqualSeparateObjectives(String which) {
        Configuration configuration = switch (which) {
            case "supervised" -> Supervised.of(3);
            case "cut" -> Supervised.of(4).withCutBptt(2);
            default -> DivertedChain.of(3, 2).withCutDivChain();
        };
        List<Parameters> members = List.of(FIXTURE.parameters,
                FIXTURE.network.initialParameters(5).copy(DataType.DOUBLE),
                FIXTURE.network.initialParameters(6).copy(DataType.DOUBLE));
        try (EnsembleObjective ensemble = Fixture.ENGINE.compileEnsemble(TrainingProblem.builder()
                .configuration(configuration).network(FIXTURE.network, FIXTURE.parameters)
                .referenceStepper(FIXTURE.reference).stateShape(Fixture.DOF).dataType(DataType.DOUBLE).build(), 3)) {
            assertEquals(3, ensemble.members());
            List<LossAndGradient> together = ensemble.lossesAndGradients(members, FIXTURE.data);
            double[] losses = ensemble.losses(members, FIXTURE.data);
            for (int k = 0; k < 3; k++) {
                LossAndGradient alone;
                try (var objective = FIXTURE.compile(configuration)) {
                    alone = objective.lossAndGradient(members.get(k), FIXTURE.data);
                }
                assertEquals(alone.loss(), together.get(k).loss(), 1e-12 * alone.loss());
                assertEquals(alone.loss(), losses[k], 1e-12 * alone.loss());
                for (String name : alone.gradient().names()) {
                    double difference = alone.gradient().get(name).sub(together.get(k).gradient().get(name))
                            .amaxNumber().doubleValue();
                    assertTrue(difference < 1e-12, name + " of member " + k + ": " + difference);
                }
            }
            assertTrue(together.get(0).loss() != together.get(1).loss(), "members are independent");
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> ensemble.losses(members.subList(0, 2), FIXTURE.data)).getMessage()
                    .startsWith("parameters must hold one parameter set per member (3), got 2"));
        }
    }
}
