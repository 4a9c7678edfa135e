package dev.trainax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainax.api.Parameters;
import dev.trainax.api.RolloutMetric;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code trainax evaluate --metrics}: metric plugins as columns of rollout.csv. */
class EvaluateMetricsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static final String SPEC = """
            data: {id: advection-1d, numPoints: 16, numSamples: 3, temporalHorizon: 6}
            network: {id: conv1d}
            configuration: {id: supervised, numRolloutSteps: 2}
            training: {numTrainingSteps: 2, batchSize: 4}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The formula trainax evaluate used before metrics were plugins, kept to pin the default columns' values. */
    private static double[] scoresBefore(INDArray predicted, INDArray reference) {
        long samples = predicted.size(0);
        INDArray p = predicted.reshape(samples, -1);
        INDArray r = reference.reshape(samples, -1);
        double nrmse = 0;
        double correlation = 0;
        for (long s = 0; s < samples; s++) {
            INDArray ps = p.getRow(s);
            INDArray rs = r.getRow(s);
            nrmse += ps.distance2(rs) / Math.max(rs.norm2Number().doubleValue(), 1e-300);
            INDArray pc = ps.sub(ps.meanNumber());
            INDArray rc = rs.sub(rs.meanNumber());
            double denominator = pc.norm2Number().doubleValue() * rc.norm2Number().doubleValue();
            correlation += denominator > 0 ? pc.mul(rc).sumNumber().doubleValue() / denominator : 0;
        }
        return new double[] {nrmse / samples, correlation / samples};
    }

    @Test
    void theDefaultMetricsGiveExactlyTheValuesOfBefore() {
        List<RolloutMetric> metrics = EvaluateCommand.metrics(REGISTRY,
                List.of(EvaluateCommand.DEFAULT_METRICS.split(",")));
        assertEquals(List.of("nrmse", "correlation"), metrics.stream().map(RolloutMetric::name).toList());
        for (long seed = 0; seed < 5; seed++) {
            Nd4j.getRandom().setSeed(seed);
            INDArray p = Nd4j.randn(DataType.DOUBLE, 4, 2, 7);
            INDArray r = Nd4j.randn(DataType.DOUBLE, 4, 2, 7);
            double[] before = scoresBefore(p, r);
            assertEquals(before[0], metrics.get(0).mean(p, r), 0.0, "nrmse, bit for bit");
            assertEquals(before[1], metrics.get(1).mean(p, r), 0.0, "correlation, bit for bit");
        }
    }

    @Test
    void everyMetricPluginIsFoundAndParametersFollowTheId() {
        assertTrue(REGISTRY.ids(PluginKind.METRIC).containsAll(List.of("mae", "mse", "rmse", "nmae", "nmse", "nrmse",
                "correlation", "fourier-nrmse", "h1-nrmse")), REGISTRY.ids(PluginKind.METRIC).toString());
        List<RolloutMetric> metrics = EvaluateCommand.metrics(REGISTRY,
                List.of("mae", " fourier-nrmse:low=1:high=4:derivativeOrder=0.5", "h1-nrmse:domainExtent=2"));
        assertEquals(List.of("mae", "fourier-nrmse(low=1;high=4;derivativeOrder=0.5)", "h1-nrmse(domainExtent=2)"),
                metrics.stream().map(RolloutMetric::name).toList());
    }

    @Test
    void badMetricsAreErrorsNamingTheOption() {
        assertEquals("--metrics: unknown metric 'x'; known: " + REGISTRY.ids(PluginKind.METRIC), error("nrmse", "x"));
        assertEquals("--metrics fourier-nrmse.high: must be > low (3), got 2", error("fourier-nrmse:low=3:high=2"));
        assertTrue(error("fourier-nrmse:low=-1").startsWith("--metrics fourier-nrmse.low: "), error("fourier-nrmse:low=-1"));
        assertTrue(error("fourier-nrmse:band=2").startsWith("--metrics fourier-nrmse.band: unknown parameter"),
                error("fourier-nrmse:band=2"));
        assertEquals("--metrics fourier-nrmse: expected NAME=VALUE after ':', got 'low'", error("fourier-nrmse:low"));
        assertEquals("--metrics: the metric 'nrmse' is given twice", error("nrmse", "correlation", "nrmse"));
        assertTrue(error("nrmse", "").startsWith("--metrics: expected ID"), error("nrmse", ""));
    }

    private static String error(String... entries) {
        return assertThrows(IllegalArgumentException.class,
                () -> EvaluateCommand.metrics(REGISTRY, List.of(entries))).getMessage();
    }

    private Path setUp(Path folder) throws Exception {
        Files.writeString(folder.resolve("spec.yaml"), SPEC);
        INDArray weight = Nd4j.createFromArray(0.3f, 0.7f).reshape(1, 1, 2);
        Parameters.of(Map.of("weight", weight)).save(folder.resolve("parameters.safetensors"));
        return folder.resolve("spec.yaml");
    }

    @Test
    void eachMetricIsAColumnOfRolloutCsv(@TempDir Path folder) throws Exception {
        Path spec = setUp(folder);
        assertEquals(0, run("evaluate", spec.toString(), "--parameters", folder.resolve("parameters.safetensors")
                .toString(), "--metrics", "mae,correlation,fourier-nrmse:high=3,nrmse", "--metrics", "h1-nrmse"),
                err.toString(StandardCharsets.UTF_8));
        List<String> rows = Files.readAllLines(folder.resolve("rollout.csv"));
        assertEquals("step,mae,correlation,fourier-nrmse(high=3),nrmse,h1-nrmse", rows.get(0));
        assertEquals(6, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] values = row.split(",");
            assertEquals(6, values.length, row);
            for (int i = 1; i < values.length; i++) {
                assertTrue(Double.isFinite(Double.parseDouble(values[i])), row);
            }
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("nRMSE step 1"), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(folder.resolve("rollout.png")) > 1000);

        out.reset();
        assertEquals(0, run("evaluate", spec.toString(), "--parameters", folder.resolve("parameters.safetensors")
                .toString(), "--metrics", "mse"), err.toString(StandardCharsets.UTF_8));
        assertEquals("step,mse", Files.readAllLines(folder.resolve("rollout.csv")).get(0));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mse step 1"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badMetricsExitWithTwoBeforeAnythingIsWritten(@TempDir Path folder) throws Exception {
        Path spec = setUp(folder);
        assertEquals(2, run("evaluate", spec.toString(), "--parameters", folder.resolve("parameters.safetensors")
                .toString(), "--metrics", "nrmse,x"));
        assertEquals("error: --metrics: unknown metric 'x'; known: " + REGISTRY.ids(PluginKind.METRIC),
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(folder.resolve("rollout.csv")));
    }

    @Test
    void aSpectralMetricOnStatesWithoutSpaceIsBadInput(@TempDir Path folder) throws Exception {
        Path spec = Files.writeString(folder.resolve("spec.yaml"), """
                data: {id: lorenz63, numSamples: 2, temporalHorizon: 4}
                network: {id: mlp, features: 3, width: 4, depth: 1}
                configuration: {id: supervised, numRolloutSteps: 1}
                training: {numTrainingSteps: 1, batchSize: 2}
                """);
        assertEquals(0, run("train", spec.toString(), "--output", folder.resolve("run").toString()),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("evaluate", spec.toString(), "--parameters", folder.resolve("run")
                .resolve("parameters.safetensors").toString(), "--metrics", "nrmse,h1-nrmse"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --metrics: h1-nrmse: states must be "
                + "(samples, channels, *space) with at least 1 spatial axis"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(folder.resolve("run").resolve("rollout.csv")));
    }
}
