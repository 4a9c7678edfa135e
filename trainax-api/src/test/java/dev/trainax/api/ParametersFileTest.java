package dev.trainax.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Parameters#save} and {@link Parameters#load}: the safetensors layout and round trips. */
class ParametersFileTest {

    /** The exact header of {@link #golden}: metadata first, then tensors by decreasing item size. */
    static final String GOLDEN_HEADER = "{\"__metadata__\":{\"format\":\"pt\",\"trainax.order\":"
            + "\"[\\\"weight\\\",\\\"bias\\\"]\"},"
            + "\"bias\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[0,8]},"
            + "\"weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}"
            + "   "; // 189 characters padded to 192

    static Parameters golden() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("weight", Nd4j.createFromArray(1.0f, -2.0f));
        arrays.put("bias", Nd4j.createFromArray(0.5).reshape(1, 1));
        return Parameters.of(arrays);
    }

    @Test
    void goldenBytesFollowTheSafetensorsSpecification(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("p.safetensors");
        golden().save(file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(192, GOLDEN_HEADER.length());
        ByteBuffer expected = ByteBuffer.allocate(8 + 192 + 16).order(ByteOrder.LITTLE_ENDIAN);
        expected.putLong(192).put(GOLDEN_HEADER.getBytes(StandardCharsets.US_ASCII));
        expected.put(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xE0, 0x3F}); // 0.5 as a little-endian double
        expected.put(new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0}); // 1.0f, -2.0f
        assertEquals(GOLDEN_HEADER, new String(bytes, 8, 192, StandardCharsets.UTF_8));
        assertArrayEquals(expected.array(), bytes);
    }

    @Test
    void roundTripKeepsOrderTypesShapesAndValues(@TempDir Path folder) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("z.first", Nd4j.createFromArray(new float[][] {{1.5f, -0f, Float.NaN}, {3e-38f, 1e38f,
                Float.NEGATIVE_INFINITY}}));
        arrays.put("a.second", Nd4j.createFromArray(new double[] {Math.PI, -1e-300, 7}).reshape(3, 1, 1));
        arrays.put("m.third", Nd4j.createFromArray(1, -2, Integer.MAX_VALUE));
        arrays.put("b.fourth", Nd4j.createFromArray(Long.MIN_VALUE, 4L).reshape(1, 2));
        arrays.put("gewicht-ü \"quoted\"\n\\", Nd4j.createFromArray(2.5f));
        Parameters original = Parameters.of(arrays);
        Path file = folder.resolve("sub/p.safetensors");
        original.save(file);
        Parameters loaded = Parameters.load(file);
        assertEquals(List.copyOf(original.names()), List.copyOf(loaded.names()));
        for (String name : original.names()) {
            INDArray want = original.get(name);
            INDArray got = loaded.get(name);
            assertEquals(want.dataType(), got.dataType(), name);
            assertArrayEquals(want.shape(), got.shape(), name);
            assertArrayEquals(bits(want), bits(got), name);
        }
    }

    /** The raw bit patterns of the values in C order (NaN and -0 compare exactly). */
    static long[] bits(INDArray array) {
        INDArray c = array.dup('c');
        return switch (array.dataType()) {
            case FLOAT -> {
                float[] values = c.data().asFloat();
                long[] bits = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    bits[i] = Float.floatToRawIntBits(values[i]);
                }
                yield bits;
            }
            case DOUBLE -> java.util.Arrays.stream(c.data().asDouble()).mapToLong(Double::doubleToRawLongBits)
                    .toArray();
            default -> c.data().asLong();
        };
    }

    @Test
    void viewsScalarsAndEmptyArraysAreWrittenByLogicalIndex(@TempDir Path folder) {
        INDArray matrix = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("transposed", matrix.transpose());
        arrays.put("column", matrix.getColumn(1));
        arrays.put("fortran", matrix.dup('f'));
        arrays.put("scalar", Nd4j.scalar(3.25f));
        arrays.put("empty", Nd4j.create(DataType.FLOAT, 0, 3));
        Path file = folder.resolve("p.safetensors");
        Parameters.of(arrays).save(file);
        Parameters loaded = Parameters.load(file);
        assertEquals(Nd4j.createFromArray(new double[][] {{1, 4}, {2, 5}, {3, 6}}), loaded.get("transposed"));
        assertEquals(Nd4j.createFromArray(2.0, 5.0), loaded.get("column"));
        assertEquals(matrix, loaded.get("fortran"));
        assertEquals(0, loaded.get("scalar").rank());
        assertEquals(3.25f, loaded.get("scalar").getFloat(0));
        assertArrayEquals(new long[] {0, 3}, loaded.get("empty").shape());
        assertEquals(DataType.FLOAT, loaded.get("empty").dataType());
    }

    @Test
    void identicalParametersGiveIdenticalBytes(@TempDir Path folder) throws IOException {
        Path first = folder.resolve("a.safetensors");
        Path second = folder.resolve("b.safetensors");
        golden().save(first);
        golden().copy().save(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        golden().save(first); // overwrites atomically with the same bytes, no temporary file left behind
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void withoutOrderMetadataTheDataOrderCounts(@TempDir Path folder) throws IOException {
        // as safetensors.torch.save_file writes: no trainax.order, data sorted by name
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}";
        Path file = SafetensorsFixtures.write(folder.resolve("torch.safetensors"), header, new byte[8]);
        assertEquals(List.of("a", "b"), List.copyOf(Parameters.load(file).names()));
        Path bare = SafetensorsFixtures.write(folder.resolve("bare.safetensors"),
                "{\"x\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", new byte[16]);
        assertEquals(Nd4j.createFromArray(0.0, 0.0), Parameters.load(bare).get("x"));
    }

    /**
     * Bytes written by the reference implementation (Python package safetensors 0.8.0):
     * {@code safetensors.numpy.save({"w": float32 [[0.5], [-1]], "b": float64 [1.5, -2.5], "n": int64 3},
     * metadata={"format": "pt"})}.
     */
    private static final String REFERENCE_FILE_HEX =
            "c8000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c226e223a7b226474"
            + "797065223a22493634222c227368617065223a5b5d2c22646174615f6f666673657473223a5b302c385d7d2c2262223a"
            + "7b226474797065223a22463634222c227368617065223a5b325d2c22646174615f6f666673657473223a5b382c32345d"
            + "7d2c2277223a7b226474797065223a22463332222c227368617065223a5b322c315d2c22646174615f6f666673657473"
            + "223a5b32342c33325d7d7d20202020200300000000000000000000000000f83f00000000000004c00000003f000080bf";

    @Test
    void readsAFileWrittenByTheReferenceImplementation(@TempDir Path folder) {
        byte[] bytes = HexFormat.of().parseHex(REFERENCE_FILE_HEX);
        Parameters loaded = Parameters.load(SafetensorsFixtures.bytes(folder.resolve("ref.safetensors"), bytes));
        assertEquals(List.of("n", "b", "w"), List.copyOf(loaded.names())); // data order: no trainax.order
        assertEquals(Nd4j.scalar(3L), loaded.get("n"));
        assertEquals(Nd4j.createFromArray(1.5, -2.5), loaded.get("b"));
        assertEquals(Nd4j.createFromArray(new float[][] {{0.5f}, {-1f}}), loaded.get("w"));
    }

    @Test
    void unsupportedTypesAndReservedNamesAreRejectedBeforeWriting(@TempDir Path folder) {
        Path file = folder.resolve("p.safetensors");
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> Parameters.of(
                Map.of("w", Nd4j.createFromArray(1f).castTo(DataType.HALF))).save(file));
        assertEquals("parameter 'w' has data type HALF; parameter files hold F32 (FLOAT), F64 (DOUBLE), I32 (INT),"
                + " I64 (LONG) (convert with Parameters.copy(DataType))", half.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class, () -> Parameters.of(
                Map.of("__metadata__", Nd4j.createFromArray(1f))).save(file));
        assertEquals("parameter name '__metadata__' is reserved by the safetensors format", reserved.getMessage());
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class, () -> Parameters.of(
                Map.of("w\uD800", Nd4j.createFromArray(1f))).save(file));
        assertEquals("parameter name 'w\\uD800' is not valid Unicode (an unpaired surrogate)",
                surrogate.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void missingFilesGiveAnUncheckedIoErrorNamingThem(@TempDir Path folder) {
        Path missing = folder.resolve("missing.safetensors");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> Parameters.load(missing));
        assertTrue(error.getMessage().startsWith("cannot read parameters from " + missing), error.getMessage());
        UncheckedIOException directory = assertThrows(UncheckedIOException.class, () -> Parameters.load(folder));
        assertTrue(directory.getMessage().startsWith("cannot read parameters from " + folder), directory.getMessage());
        Path plainFile = folder.resolve("plain");
        golden().save(plainFile);
        UncheckedIOException unwritable = assertThrows(UncheckedIOException.class,
                () -> golden().save(plainFile.resolve("p.safetensors")));
        assertTrue(unwritable.getMessage().startsWith("cannot write"), unwritable.getMessage());
    }
}
