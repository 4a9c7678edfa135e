package dev.trainax.sampledata;

import dev.trainax.api.internal.IoReasons;
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

/**
 * Reads NumPy {@code .npy} arrays of little-endian float32 or float64 in C order (format versions 1 to 3).
 * The header is checked against the file before anything is allocated: a truncated or damaged file is
 * an error naming the file and what is wrong.
 */
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
            throw new UncheckedIOException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
        Require.that(bytes.length > 10 && (bytes[0] & 0xff) == 0x93 && new String(bytes, 1, 5,
                StandardCharsets.US_ASCII).equals("NUMPY"), "file", file + " is not a .npy file");
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        Require.that(major >= 1 && major <= 3, "file", file + " has .npy format version " + major
                + "; allowed: 1, 2, 3");
        int headerStart = major == 1 ? 10 : 12;
        Require.that(bytes.length >= headerStart, "file", file + " is truncated: " + bytes.length + " bytes");
        long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8))
                : Integer.toUnsignedLong(buffer.getInt(8));
        Require.that(headerStart + headerLength <= bytes.length, "file", file + " is truncated: its header of "
                + headerLength + " bytes ends past the end of the file (" + bytes.length + " bytes)");
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file);
        Require.that(descr.equals("<f4") || descr.equals("<f8"), "file", file + " holds dtype '" + descr
                + "'; allowed: '<f4' (float32), '<f8' (float64)");
        Require.that("False".equals(group(ORDER, header, file)), "file", file + " is in Fortran order; save it in C order");
        long[] shape = shape(group(SHAPE, header, file), file);
        int dataStart = headerStart + (int) headerLength;
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        long count = count(shape, file);
        int itemSize = descr.equals("<f4") ? Float.BYTES : Double.BYTES;
        Require.that(data.remaining() == count * itemSize, "file", file + (data.remaining() < count * itemSize
                ? " is truncated" : " has bytes after its data") + ": shape " + Arrays.toString(shape) + " of '"
                + descr + "' needs " + count * itemSize + " data bytes, the file holds " + data.remaining());
        INDArray array;
        if (descr.equals("<f4")) {
            float[] values = new float[Math.toIntExact(count)];
            data.asFloatBuffer().get(values);
            array = Nd4j.createFromArray(values).castTo(DataType.FLOAT);
        } else {
            double[] values = new double[Math.toIntExact(count)];
            data.asDoubleBuffer().get(values);
            array = Nd4j.createFromArray(values);
        }
        return array.reshape(shape);
    }

    /** The dimensions of a header's shape tuple, each a non-negative integer. */
    private static long[] shape(String tuple, Path file) {
        try {
            long[] shape = Arrays.stream(tuple.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            if (Arrays.stream(shape).allMatch(n -> n >= 0)) {
                return shape;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("file " + file + " has a malformed .npy shape: (" + tuple + ")");
    }

    /** The number of values of {@code shape}, at most {@link Integer#MAX_VALUE} (the most a Java array holds). */
    private static long count(long[] shape, Path file) {
        if (Arrays.stream(shape).anyMatch(n -> n == 0)) {
            return 0;
        }
        long count = 1;
        for (long n : shape) {
            Require.that(n <= Integer.MAX_VALUE / count, "file", file + " has shape " + Arrays.toString(shape)
                    + ", more than " + Integer.MAX_VALUE + " values");
            count *= n;
        }
        return count;
    }

    private static String group(Pattern pattern, String header, Path file) {
        Matcher matcher = pattern.matcher(header);
        Require.that(matcher.find(), "file", file + " has a malformed .npy header: " + header.trim());
        return matcher.group(1);
    }
}
