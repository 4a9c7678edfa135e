package dev.trainax.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.trainax.api.internal.Require;
import dev.trainax.api.internal.Safetensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named parameter arrays of a network in a fixed order: its trainable values, or a gradient of the
 * same structure. The map is unmodifiable; the arrays are ND4J arrays that optimizers may update
 * in place. {@link #save} and {@link #load} store them as safetensors files, which PyTorch
 * ({@code safetensors.torch.load_file}) and NumPy read as well.
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
     * Writes the parameters to {@code file} in the
     * <a href="https://github.com/huggingface/safetensors">safetensors</a> format, atomically: a
     * temporary file in the same folder is renamed over {@code file}, so a reader never sees a
     * half-written file.
     *
     * <p>The file holds an 8-byte little-endian header length, a UTF-8 JSON header naming each
     * parameter's dtype ({@code F32}, {@code F64}, {@code I32} or {@code I64}), shape and byte range,
     * and the raw little-endian C-order values; the parameter order is kept in the header's
     * {@code __metadata__} under {@code "trainax.order"}. Identical parameters give identical bytes.
     * PyTorch users load it with {@code safetensors.torch.load_file}, NumPy users with
     * {@code safetensors.numpy.load_file} or a few lines of plain NumPy (see
     * {@code docs/parameter-format.md}). By convention the file name ends in {@code .safetensors}.
     *
     * @throws IllegalArgumentException if a parameter's data type is not FLOAT, DOUBLE, INT or LONG,
     *                                  or a name is {@code __metadata__} (reserved by the format) or
     *                                  not valid Unicode; nothing is written then
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void save(Path file) {
        Safetensors.write(file, arrays);
    }

    /**
     * Reads parameters from a safetensors file, such as one written by {@link #save} or by
     * {@code safetensors.torch.save_file}: in the order stored under {@code "trainax.order"} in the
     * header's {@code __metadata__}, or else in the order of the data section.
     *
     * <p>Every header field is validated before any array is allocated (JSON syntax, nesting depth,
     * duplicate names, field types, shapes and overflow-free sizes, byte ranges that exactly tile the
     * data section, the file length), so a damaged or hostile file gives an error rather than a crash
     * or a huge allocation. Files of the old ND4J zip format (trainax 0.1 snapshots) are recognized
     * and rejected with an explanation.
     *
     * @throws IllegalArgumentException whose message starts with the file and names the problem and
     *                                  the field, if the file is not a valid safetensors file of
     *                                  F32, F64, I32 or I64 tensors with at least one tensor
     * @throws java.io.UncheckedIOException naming the file if it cannot be read
     */
    public static Parameters load(Path file) {
        return of(Safetensors.read(file));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Parameters{");
        arrays.forEach((name, array) -> text.append(name).append(Arrays.toString(array.shape())).append(' '));
        return text.append("count=").append(count()).append('}').toString();
    }
}
