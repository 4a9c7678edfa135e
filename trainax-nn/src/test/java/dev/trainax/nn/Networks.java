package dev.trainax.nn;

import dev.trainax.api.Network;
import dev.trainax.api.Parameters;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the network tests ask of a network: one step in float64 and its number of parameters. */
final class Networks {

    private Networks() {
    }

    /** One step of {@code network} with {@code parameters} from {@code states} {@code (batch, *stateShape)}, in float64. */
    static INDArray step(Network network, Parameters parameters, INDArray states) {
        long[] stateShape = Arrays.copyOfRange(states.shape(), 1, states.rank());
        return LayerValuesTest.ENGINE.compileRollout(network, parameters, stateShape, DataType.DOUBLE).step(states);
    }

    /** The entries of the network's initial parameters. */
    static long parameterCount(Network network) {
        return network.initialParameters(0).asMap().values().stream().mapToLong(INDArray::length).sum();
    }
}
