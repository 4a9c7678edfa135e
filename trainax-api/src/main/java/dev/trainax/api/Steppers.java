package dev.trainax.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.trainax.api.internal.Require;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small adapters between steppers. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Steppers {

    private Steppers() {
    }

    /**
     * A network with fixed parameters, usable as a reference stepper (a pre-trained emulator, or
     * the test fixtures of the equality suite): its parameters become graph constants. It accepts
     * the state shapes the network accepts.
     */
    public static Stepper frozen(Stepper network, Parameters parameters) {
        Require.present("network", network);
        Require.present("parameters", parameters);
        return new Stepper() {
            @Override
            public SDVariable apply(StepContext context, SDVariable state) {
                return network.apply(new FrozenContext(context, parameters), state);
            }

            @Override
            public void checkState(long[] stateShape) {
                network.checkState(stateShape);
            }
        };
    }

    /** Answers parameter look-ups with constants of the wrapped context. */
    private record FrozenContext(StepContext context, Parameters parameters) implements StepContext {
        @Override
        public SameDiff graph() {
            return context.graph();
        }

        @Override
        public DataType dataType() {
            return context.dataType();
        }

        @Override
        public long[] stateShape() {
            return context.stateShape();
        }

        @Override
        public SDVariable parameter(String name) {
            return context.constant("frozen:" + System.identityHashCode(parameters) + ":" + name,
                    parameters.get(name));
        }

        @Override
        public SDVariable constant(String key, INDArray value) {
            return context.constant(key, value);
        }

        @Override
        public SDVariable derived(String key, Supplier<SDVariable> definition) {
            return context.derived("frozen:" + System.identityHashCode(parameters) + ":" + key, definition);
        }
    }
}
