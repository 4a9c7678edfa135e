package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.DataSource;
import dev.trainax.api.plugin.PluginKind;
import dev.trainax.api.plugin.PluginRegistry;
import dev.trainax.sampledata.FiniteDifferenceResiduum.Scheme;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference steppers and residua refuse states off their grid, and data sources refuse sizes whose
 * arrays would overflow or be empty, each with a message naming the parameter before anything is
 * allocated.
 */
class BadShapesAndSizesTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void spectralSteppersAndResiduaNeedStatesOnTheirGrid() {
        SpectralPde1d burgers = SpectralPde1d.burgers(16, 0.01, 0.01, 1.0);
        burgers.checkState(new long[] {1, 16});
        burgers.checkState(new long[] {2, 16});
        assertEquals("numPoints: must be 8 (the points along each spatial axis of the state shape [1, 8]), got 16",
                error(() -> burgers.checkState(new long[] {1, 8})));
        assertEquals("stateShape: must be (channels, 16), a grid of 1 spatial axis of numPoints = 16, got [1, 16, 16] "
                + "with 2 spatial axes", error(() -> burgers.checkState(new long[] {1, 16, 16})));
        SpectralLinear diffusion = SpectralLinear.diffusion2d(8, 0.01, 0.01, 1.0);
        diffusion.checkState(new long[] {1, 8, 8});
        assertEquals("stateShape: must be (channels, 8, 8), the same numPoints along every spatial axis, got "
                + "[1, 8, 16]", error(() -> diffusion.checkState(new long[] {1, 8, 16})));
        assertEquals("stateShape: must be (channels, 8, 8), a grid of 2 spatial axes of numPoints = 8, got [1, 8] "
                + "with 1 spatial axis", error(() -> diffusion.checkState(new long[] {1, 8})));
        FiniteDifferenceResiduum residuum = FiniteDifferenceResiduum.diffusion2d(Scheme.CRANK_NICOLSON, 8, 1.0, 0.01,
                0.01);
        residuum.checkState(new long[] {1, 8, 8});
        assertEquals("numPoints: must be 16 (the points along each spatial axis of the state shape [1, 16, 16]), "
                + "got 8", error(() -> residuum.checkState(new long[] {1, 16, 16})));
        assertEquals("numPoints: must be 30 (the points along each spatial axis of the state shape [1, 30]), got 64",
                error(() -> FiniteDifferenceResiduum.kuramotoSivashinsky(Scheme.IMPLICIT_EULER, 64, 22.0, 0.1)
                        .checkState(new long[] {1, 30})));
    }

    @Test
    void upwindAndLorenzNeedTheirStateShapes() {
        FirstOrderUpwind upwind = new FirstOrderUpwind(-0.5);
        upwind.checkState(new long[] {3, 2});
        assertEquals("stateShape: must be (channels, points) with 1 spatial axis of ≥ 2 points (1D advection), got "
                + "[1, 8, 8]", error(() -> upwind.checkState(new long[] {1, 8, 8})));
        assertEquals("stateShape: must be (channels, points) with 1 spatial axis of ≥ 2 points (1D advection), got "
                + "[1, 1]", error(() -> upwind.checkState(new long[] {1, 1})));
        Lorenz63 lorenz = Lorenz63.classic(0.01);
        lorenz.checkState(new long[] {3});
        assertEquals("stateShape: must be [3] (x, y, z), got [1, 8]", error(() -> lorenz.checkState(new long[] {1, 8})));
    }

    @Test
    void dataSizesThatOverflowAreNamedBeforeAllocation() {
        assertEquals("numSamples × temporalHorizon × numPoints must be ≤ 2147483639 (values of the trajectories, one "
                + "array), got 100000 × 100000 × 100000 = 1000000000000000",
                error(() -> Advection1d.periodic(100_000, 100_000, 0.5, 2, 100_000, 0)));
        assertEquals("numSamples × temporalHorizon × 3 must be ≤ 2147483639 (values of the trajectories, one array), "
                + "got 2147483647 × 2147483647 × 3 = more than 9223372036854775807",
                error(() -> Lorenz63.classic(0.01).trajectories(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 1.0, 0)));
        assertEquals("numPoints × numPoints must be ≤ 2147483639 (entries of a dense Fourier matrix, one array), got "
                + "65536 × 65536 = 4294967296", error(() -> SpectralPde1d.diffusion(65_536, 0.01, 0.01, 1.0)));
        assertEquals("spec.data.numSamples × temporalHorizon × numPoints × numPoints must be ≤ 2147483639 (values of "
                + "the trajectories, one array), got 1000 × 1000 × 1000 × 1000 = 1000000000000",
                error(() -> REGISTRY.create(PluginKind.DATA, "diffusion-2d",
                        Map.of("numPoints", 1000, "numSamples", 1000, "temporalHorizon", 1000), "spec.data")));
        assertEquals("spec.data.numSamples: must be integer ≥ 1, got 0", error(() -> REGISTRY.create(PluginKind.DATA,
                "advection-1d", Map.of("numSamples", 0), "spec.data")));
        assertEquals("spec.data.temporalHorizon: must be integer ≥ 1 and within the 32-bit integer range "
                + "[-2147483648, 2147483647], got 2147483648", error(() -> REGISTRY.create(PluginKind.DATA,
                "lorenz63", Map.of("temporalHorizon", 2_147_483_648L), "spec.data")));
    }

    /** A version-1.0 .npy file of float32 with the given shape text and {@code dataBytes} zero bytes of data. */
    private static Path npy(Path folder, String name, String shape, int dataBytes) throws Exception {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[dataBytes]);
        return Files.write(folder.resolve(name), out.toByteArray());
    }

    private static DataSource npyFile(Path file) {
        return REGISTRY.create(PluginKind.DATA, "npy-file", Map.of("path", file.toString()), "spec.data");
    }

    @Test
    void npyFilesWithEmptyAxesOrBadHeadersAreNamed(@TempDir Path folder) throws Exception {
        Path empty = npy(folder, "empty.npy", "0, 5, 1, 8", 0);
        assertEquals("file " + empty + " must have shape (samples, time, channels, *space) with every size ≥ 1, got "
                + "[0, 5, 1, 8] (0 samples)", error(() -> npyFile(empty).trajectories(null)));
        Path noPoints = npy(folder, "nopoints.npy", "2, 5, 1, 0", 0);
        assertEquals("file " + noPoints + " must have shape (samples, time, channels, *space) with every size ≥ 1, "
                + "got [2, 5, 1, 0] (0 points along spatial axis 1)", error(() -> npyFile(noPoints).trajectories(null)));
        Path flat = npy(folder, "flat.npy", "4, 8", 128);
        assertEquals("file " + flat + " must have shape (samples, time, channels, *space), got [4, 8]",
                error(() -> npyFile(flat).trajectories(null)));
        Path huge = npy(folder, "huge.npy", "100000, 100000, 1, 1", 16);
        assertEquals("file " + huge + " has shape [100000, 100000, 1, 1], more than 2147483647 values",
                error(() -> NpyFile.read(huge)));
        Path truncated = npy(folder, "truncated.npy", "2, 3, 1, 4", 40);
        assertEquals("file " + truncated + " is truncated: shape [2, 3, 1, 4] of '<f4' needs 96 data bytes, the file "
                + "holds 40", error(() -> NpyFile.read(truncated)));
        Path negative = npy(folder, "negative.npy", "-1, 3", 0);
        assertEquals("file " + negative + " has a malformed .npy shape: (-1, 3)", error(() -> NpyFile.read(negative)));
    }
}
