package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.internal.AtomicFiles;
import dev.trainax.api.internal.Require;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named parameter arrays of a network in a fixed order: its trainable values, or a gradient of the
 * same structure. The map is unmodifiable; the arrays are ND4J arrays that optimizers may update
 * in place.
 */
@API(status = STABLE, since = "0.1")
public final class Parameters {

    private final Map<String, INDArray> arrays;

    private Parameters(Map<String, INDArray> arrays) {
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /** Parameters in the iteration order of {@code arrays}; names must be non-blank. */
    public static Parameters of(Map<String, INDArray> arrays) {
        LinkedHashMap<String, INDArray> copy = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            Require.that(name != null && !name.isBlank(), "parameter name", "must be non-blank");
            copy.put(name, Require.present("parameter '" + name + "'", array));
        });
        return new Parameters(copy);
    }

    /** The parameter names in order. */
    public Set<String> names() {
        return arrays.keySet();
    }

    /** The array of one parameter. */
    public INDArray get(String name) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + names());
        }
        return array;
    }

    /** The name-to-array map in order. */
    public Map<String, INDArray> asMap() {
        return arrays;
    }

    /** Number of scalar values over all parameters. */
    public long count() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    /** A deep copy, converted to {@code type}. */
    public Parameters copy(DataType type) {
        LinkedHashMap<String, INDArray> copy = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copy.put(name, array.castTo(type).dup()));
        return new Parameters(copy);
    }

    /** A deep copy in the same types. */
    public Parameters copy() {
        LinkedHashMap<String, INDArray> copy = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copy.put(name, array.dup()));
        return new Parameters(copy);
    }

    /** Elementwise combination with parameters of the same structure, e.g. {@code a.combine(b, INDArray::add)}. */
    public Parameters combine(Parameters other, BinaryOperator<INDArray> operator) {
        requireSameStructure("other", other);
        LinkedHashMap<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((name, array) -> out.put(name, operator.apply(array, other.get(name))));
        return new Parameters(out);
    }

    /**
     * Parameters of the same names and shapes filled, in order and C order within each array, from
     * one flat array: how PyTorch's {@code torch.cat([p.ravel() for p in model.parameters()])} lays
     * out weights when the architectures match parameter by parameter.
     *
     * @throws IllegalArgumentException if the length differs from {@link #count()}
     */
    public Parameters withFlatValues(float[] values) {
        Require.that(values.length == count(), "values", "must hold " + count() + " numbers (the parameter count), got "
                + values.length);
        LinkedHashMap<String, INDArray> filled = new LinkedHashMap<>();
        int offset = 0;
        for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
            int length = Math.toIntExact(entry.getValue().length());
            filled.put(entry.getKey(), Nd4j.createFromArray(
                    Arrays.copyOfRange(values, offset, offset + length)).reshape(entry.getValue().shape()));
            offset += length;
        }
        return new Parameters(filled);
    }

    /** The squared L2 norm over all parameters. */
    public double squaredNorm() {
        double sum = 0;
        for (INDArray array : arrays.values()) {
            double norm = array.norm2Number().doubleValue();
            sum += norm * norm;
        }
        return sum;
    }

    /**
     * Checks that {@code other} has the same names and shapes.
     *
     * @throws IllegalArgumentException naming {@code what} and the first difference
     */
    public void requireSameStructure(String what, Parameters other) {
        Require.that(other.names().equals(names()), what,
                "must have parameters " + names() + ", got " + other.names());
        arrays.forEach((name, array) -> Require.that(
                Arrays.equals(array.shape(), other.get(name).shape()), what + "['" + name + "']",
                "must have shape " + Arrays.toString(array.shape()) + ", got "
                        + Arrays.toString(other.get(name).shape())));
    }

    /**
     * Writes the parameters to {@code file} (a zip with one ND4J binary entry per parameter, in
     * order) atomically: a temporary file in the same folder is renamed over {@code file}, so a
     * reader never sees a half-written file.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void save(Path file) {
        AtomicFiles.write(file, temporary -> {
            try (ZipOutputStream zip = new ZipOutputStream(
                    Files.newOutputStream(temporary))) {
                for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    DataOutputStream out = new DataOutputStream(zip);
                    Nd4j.write(entry.getValue(), out);
                    out.flush();
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads parameters written by {@link #save}.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be read
     */
    public static Parameters load(Path file) {
        LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(
                Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                arrays.put(entry.getName(), Nd4j.read(new DataInputStream(zip)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameters from " + file + ": " + e.getMessage(), e);
        }
        Require.that(!arrays.isEmpty(), "file", file + " holds no parameters");
        return of(arrays);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Parameters{");
        arrays.forEach((name, array) -> text.append(name).append(Arrays.toString(array.shape())).append(' '));
        return text.append("count=").append(count()).append('}').toString();
    }
}
