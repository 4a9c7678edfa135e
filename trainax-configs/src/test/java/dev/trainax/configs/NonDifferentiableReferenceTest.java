package dev.trainax.configs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Configuration;
import dev.trainax.api.Stepper;
import dev.trainax.api.engine.LossAndGradient;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.losses.MeanPowerLoss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MatrixDiag;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MatrixDiagPart;

/** A reference stepper behind a cut is never differentiated. */
class NonDifferentiableReferenceTest {

    private static final Fixture FIXTURE = Fixture.smooth();

    /** {@code u ↦ 0.5·diagPart(diag(u))}: ND4J's MatrixDiag and MatrixDiagPart have no gradient. */
    private static final Stepper UNDIFFERENTIABLE_REFERENCE = (context, state) -> new MatrixDiagPart(context.graph(),
            new MatrixDiag(context.graph(), state, false).outputVariable(), false).outputVariable().mul(0.5);

    private static Objective compile(Configuration configuration) {
        return Fixture.ENGINE.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(configuration)
                .network(FIXTURE.network, FIXTURE.parameters).referenceStepper(UNDIFFERENTIABLE_REFERENCE)
                .stateShape(Fixture.DOF).dataType(DataType.DOUBLE).build());
    }

    @Test
    void withoutTheCutTheReferenceMustBeDifferentiable() {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
            try (Objective objective = compile(DivertedChainBranchOne.of(3))) {
                objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data);
            }
        });
        assertTrue(error.getMessage() != null, String.valueOf(error));
    }

    @Test
    void cutDivChainNeedsNoReferenceGradient() {
        try (Objective objective = compile(DivertedChainBranchOne.of(3).withCutDivChain())) {
            LossAndGradient result = objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data);
            assertTrue(result.loss() > 0 && Math.sqrt(result.gradient().squaredNorm()) > 0);
        }
        try (Objective objective = compile(DivertedChain.of(3, 2).withCutDivChain())) {
            assertTrue(objective.lossAndGradient(FIXTURE.parameters, FIXTURE.data).loss() > 0);
        }
    }
}
