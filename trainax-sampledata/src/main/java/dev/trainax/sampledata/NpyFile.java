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
            throw new UncheckedIOException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
        Require.that(bytes.length > 10 && (bytes[0] & 0xff) == 0x93 && new String(bytes, 1, 5,
                StandardCharsets.US_ASCII).equals("NUMPY"), "file", file + " is not a .npy file");
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file);
        Require.that("False".equals(group(ORDER, header, file)), "file", file + " is in Fortran order; save it in C order");
        long[] shape = Arrays.stream(group(SHAPE, header, file).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        ByteBuffer data = ByteBuffer.wrap(bytes, headerStart + headerLength, bytes.length - headerStart - headerLength)
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        INDArray array;
        if (descr.equals("<f4")) {
            float[] values = new float[Math.toIntExact(count)];
            data.asFloatBuffer().get(values);
            array = Nd4j.createFromArray(values).castTo(DataType.FLOAT);
        } else if (descr.equals("<f8")) {
            double[] values = new double[Math.toIntExact(count)];
            data.asDoubleBuffer().get(values);
            array = Nd4j.createFromArray(values);
        } else {
            throw new IllegalArgumentException("file " + file + " holds dtype '" + descr
                    + "'; allowed: '<f4' (float32), '<f8' (float64)");
        }
        return array.reshape(shape);
    }

    private static String group(Pattern pattern, String header, Path file) {
        Matcher matcher = pattern.matcher(header);
        Require.that(matcher.find(), "file", file + " has a malformed .npy header: " + header.trim());
        return matcher.group(1);
    }
}
