package dev.trainax.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class NpyFileTest {

    /** A version-1.0 .npy file as NumPy writes it: magic, header padded to 64 bytes, data. */
    private static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void readsFloat64AndFloat32InCOrder(@TempDir Path folder) throws Exception {
        ByteBuffer doubles = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            doubles.putDouble(i * 1.5);
        }
        Path file = Files.write(folder.resolve("a.npy"), npy("<f8", "2, 3, 1", doubles.array()));
        INDArray array = NpyFile.read(file);
        assertArrayEquals(new long[] {2, 3, 1}, array.shape());
        assertEquals(DataType.DOUBLE, array.dataType());
        assertEquals(4.5, array.getDouble(1, 0, 0));
        ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(-2f);
        INDArray single = NpyFile.read(Files.write(folder.resolve("b.npy"), npy("<f4", "2,", floats.array())));
        assertEquals(DataType.FLOAT, single.dataType());
        assertArrayEquals(new float[] {1f, -2f}, single.toFloatVector());
    }

    @Test
    void rejectsOtherFiles(@TempDir Path folder) throws Exception {
        Path text = Files.writeString(folder.resolve("c.npy"), "not numpy at all");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpyFile.read(text)).getMessage()
                .contains("is not a .npy file"));
        Path ints = Files.write(folder.resolve("d.npy"), npy("<i8", "1,", new byte[8]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpyFile.read(ints)).getMessage()
                .contains("holds dtype '<i8'; allowed: '<f4' (float32), '<f8' (float64)"));
    }

    @Test
    void namesTruncatedAndDamagedFiles(@TempDir Path folder) throws Exception {
        byte[] whole = npy("<f4", "2, 3", new byte[24]);
        Path truncated = Files.write(folder.resolve("e.npy"), Arrays.copyOf(whole, whole.length - 5));
        assertEquals("file " + truncated + " is truncated: shape [2, 3] of '<f4' needs 24 data bytes, the file "
                + "holds 19", error(truncated));
        Path longer = Files.write(folder.resolve("f.npy"), Arrays.copyOf(whole, whole.length + 4));
        assertTrue(error(longer).contains("has bytes after its data"), error(longer));
        Path headerOnly = Files.write(folder.resolve("g.npy"), Arrays.copyOf(whole, 40));
        assertTrue(error(headerOnly).contains("is truncated: its header of 118 bytes ends past the end of the file "
                + "(40 bytes)"), error(headerOnly));
        Path badShape = Files.write(folder.resolve("h.npy"), npy("<f4", "2, -3", new byte[0]));
        assertTrue(error(badShape).contains("has a malformed .npy shape: (2, -3)"), error(badShape));
        Path huge = Files.write(folder.resolve("i.npy"), npy("<f8", "100000, 100000", new byte[0]));
        assertTrue(error(huge).contains("has shape [100000, 100000], more than 2147483647 values"), error(huge));
    }

    private static String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> NpyFile.read(file)).getMessage();
    }
}
