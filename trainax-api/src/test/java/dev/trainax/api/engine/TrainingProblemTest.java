package dev.trainax.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.Configuration;
import dev.trainax.api.DataRequirement;
import dev.trainax.api.Parameters;
import dev.trainax.api.Stepper;
import dev.trainax.api.Steppers;
import dev.trainax.api.StepContext;
import dev.trainax.api.internal.Require;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

/** Building a training problem asks its network, reference stepper and residuum whether they accept the state shape. */
class TrainingProblemTest {

    private static final Configuration WITH_REFERENCE = new Configuration() {
        @Override
        public DataRequirement dataRequirement() {
            return new DataRequirement(1, 2, true, false);
        }

        @Override
        public dev.trainax.api.Scalar loss(dev.trainax.api.RolloutOps ops) {
            throw new UnsupportedOperationException("never compiled here");
        }
    };

    /** A stepper that accepts only states of {@code points} points. */
    private static Stepper onGrid(long points) {
        return new Stepper() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return state;
            }

            @Override
            public void checkState(long[] stateShape) {
                Require.that(stateShape[stateShape.length - 1] == points, "numPoints:",
                        "must be " + stateShape[stateShape.length - 1] + ", got " + points);
            }
        };
    }

    private static TrainingProblem.Builder problem(Stepper network, Stepper reference) {
        return TrainingProblem.builder().configuration(WITH_REFERENCE).network(network, Parameters.of(Map.of()))
                .referenceStepper(reference).stateShape(1, 8);
    }

    @Test
    void aMismatchIsNamedBeforeAnythingIsCompiled() {
        problem(onGrid(8), onGrid(8)).build();
        assertEquals("network.numPoints: must be 8, got 16", assertThrows(IllegalArgumentException.class,
                () -> problem(onGrid(16), onGrid(8)).build()).getMessage());
        assertEquals("referenceStepper.numPoints: must be 8, got 4", assertThrows(IllegalArgumentException.class,
                () -> problem(onGrid(8), onGrid(4)).build()).getMessage());
    }

    @Test
    void aFrozenNetworkAcceptsWhatItsNetworkAccepts() {
        Stepper frozen = Steppers.frozen(onGrid(16), Parameters.of(Map.of()));
        assertEquals("referenceStepper.numPoints: must be 8, got 16", assertThrows(IllegalArgumentException.class,
                () -> problem(onGrid(8), frozen).build()).getMessage());
    }
}
