package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The upwind stencil and both boundaries on a hand-checked state. */
class FirstOrderUpwindTest {

    private static double[] step(FirstOrderUpwind stepper) {
        return PluginRegistry.load().<Engine>create(PluginKind.ENGINE, "samediff")
                .compileRollout(stepper, Parameters.of(Map.of()), new long[] {1, 4}, DataType.DOUBLE)
                .step(Nd4j.createFromArray(1.0, 2, 3, 4).reshape(1, 1, 4)).ravel().toDoubleVector();
    }

    @Test
    void leftwardTransportTakesTheRightNeighbour() {
        // u_i ← 0.25 u_i + 0.75 u_{i+1}
        assertArrayEquals(new double[] {1.75, 2.75, 3.75, 1.75}, step(new FirstOrderUpwind(-0.75)), 1e-12);
        assertArrayEquals(new double[] {1.75, 2.75, 3.75, 1.0},
                step(new FirstOrderUpwind(-0.75, FirstOrderUpwind.Boundary.DIRICHLET)), 1e-12);
    }

    @Test
    void rightwardTransportTakesTheLeftNeighbour() {
        // u_i ← 0.5 u_i + 0.5 u_{i−1}
        assertArrayEquals(new double[] {2.5, 1.5, 2.5, 3.5}, step(new FirstOrderUpwind(0.5)), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5},
                step(new FirstOrderUpwind(0.5, FirstOrderUpwind.Boundary.DIRICHLET)), 1e-12);
    }
}
