package dev.trainax.sampledata;

import dev.trainax.api.internal.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads NumPy {@code .npy} arrays of little-endian float32 or float64 in C order (format versions 1 to 3). */
public final class NpyFile {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /**
     * The array in {@code file}, as float32 or float64 like the file.
     *
     * @throws IllegalArgumentException naming the file if it is not such an array
     */
    public static INDArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Require.that(bytes.length > 10 && (bytes[0] & 0xff) == 0x93 && new String(bytes, 1, 5,
                StandardCharsets.US_ASCII).equals("NUMPY"), "file", file + " is not a .npy file");
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        Require.that(major >= 1 && major <= 3, "file", file + " has .npy format version " + major
                + "; allowed: 1, 2, 3");
        int headerStart = major == 1 ? 10 : 12;
        long headerLength = bytes.length < headerStart ? Long.MAX_VALUE
                : major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : Integer.toUnsignedLong(buffer.getInt(8));
        Require.that(headerLength <= bytes.length - headerStart, "file", file + " is truncated: its header runs past "
                + "the end of the file (" + bytes.length + " bytes)");
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file);
        Require.that("False".equals(group(ORDER, header, file)), "file", file + " is in Fortran order; save it in C order");
        long[] shape = shape(group(SHAPE, header, file), header, file);
        int itemSize = switch (descr) {
            case "<f4" -> Float.BYTES;
            case "<f8" -> Double.BYTES;
            default -> throw new IllegalArgumentException("file " + file + " holds dtype '" + descr
                    + "'; allowed: '<f4' (float32), '<f8' (float64)");
        };
        int count = Math.toIntExact(Require.product("file " + file + ": the array's sizes",
                "values read into one array", Require.MAX_ARRAY_LENGTH, shape));
        long available = bytes.length - headerStart - headerLength;
        Require.that(available >= (long) count * itemSize, "file", file + " is truncated: its shape "
                + Arrays.toString(shape) + " needs " + (long) count * itemSize + " bytes of data, it holds " + available);
        ByteBuffer data = ByteBuffer.wrap(bytes, headerStart + (int) headerLength, (int) available).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        INDArray array;
        if (itemSize == Float.BYTES) {
            float[] values = new float[count];
            data.asFloatBuffer().get(values);
            array = Nd4j.createFromArray(values).castTo(DataType.FLOAT);
        } else {
            double[] values = new double[count];
            data.asDoubleBuffer().get(values);
            array = Nd4j.createFromArray(values);
        }
        return array.reshape(shape);
    }

    /** The sizes of the header's shape tuple, each a whole number ≥ 0. */
    private static long[] shape(String tuple, String header, Path file) {
        try {
            long[] shape = Arrays.stream(tuple.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            if (Arrays.stream(shape).allMatch(d -> d >= 0)) {
                return shape;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("file " + file + " has a malformed .npy header (shape sizes must be whole "
                + "numbers ≥ 0): " + header.trim());
    }

    private static String group(Pattern pattern, String header, Path file) {
        Matcher matcher = pattern.matcher(header);
        Require.that(matcher.find(), "file", file + " has a malformed .npy header: " + header.trim());
        return matcher.group(1);
    }
}
