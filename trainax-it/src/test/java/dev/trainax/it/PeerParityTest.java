package dev.trainax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainax.api.BatchReduction;
import dev.trainax.api.Parameters;
import dev.trainax.api.engine.Engine;
import dev.trainax.api.engine.Objective;
import dev.trainax.api.engine.TrainingProblem;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.configs.Supervised;
import dev.trainax.losses.MeanPowerLoss;
import dev.trainax.nn.Activation;
import dev.trainax.nn.ConvNet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The PyTorch peer's Burgers ConvNet, loaded from its torch-layout initial parameters, gives the
 * peer's loss on the peer's data ({@code shared/peer/data}, beside the checkout): the same
 * architecture, padding and loss to float32 precision.
 */
class PeerParityTest {

    private static final Path DATA = Path.of(System.getProperty("reactor.root"), "..", "shared", "peer", "data");

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    /** Losses printed by the peer's own code (torch 1.13) for the first 100 windows. */
    @ParameterizedTest(name = "r={0}")
    @CsvSource({"1, 0.1407502293586731", "5, 0.703502357006073"})
    void theFirstLossEqualsThePeers(int r, double peerLoss) throws Exception {
        Assumptions.assumeTrue(Files.exists(DATA.resolve("burgers_convnet_init.f32")), "peer data not beside the checkout");
        ConvNet net = new ConvNet(1, 32, 9, 3, Activation.RELU);
        Parameters parameters = net.initialParameters(0).withFlatValues(floats(DATA.resolve("burgers_convnet_init.f32")));
        INDArray trajectories = Nd4j.createFromArray(floats(DATA.resolve("burgers_train.f32"))).reshape(50, 51, 1, 160);
        // the first 100 windows of length r + 1, sample-major, as the peer's sub_stack orders them
        int perTrajectory = 51 - r;
        INDArray[] windows = new INDArray[100];
        for (int i = 0; i < 100; i++) {
            windows[i] = trajectories.get(NDArrayIndex.point(i / perTrajectory),
                    NDArrayIndex.interval(i % perTrajectory, i % perTrajectory + r + 1));
        }
        Engine engine = PluginRegistry.load().create(PluginKind.ENGINE, "samediff");
        try (Objective objective = engine.compile(TrainingProblem.builder().defaultLoss(MeanPowerLoss.mse(BatchReduction.MEAN)).configuration(Supervised.of(r))
                .network(net, parameters).stateShape(1, 160).dataType(DataType.FLOAT).build())) {
            double loss = objective.loss(parameters, Nd4j.stack(0, windows));
            // float32 through up to 5 chained 11-layer networks: agreement to 1e-5 relative
            assertEquals(peerLoss, loss, 1e-5 * peerLoss);
        }
    }
}
