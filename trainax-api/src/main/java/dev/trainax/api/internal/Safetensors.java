package dev.trainax.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes named arrays as <a href="https://github.com/huggingface/safetensors">safetensors</a>:
 * an 8-byte little-endian header length {@code N}, {@code N} bytes of UTF-8 JSON (padded with spaces
 * to a multiple of 8) describing every tensor's dtype, shape and byte range, then the raw
 * little-endian C-order data.
 *
 * <p>Writing is deterministic: the same arrays give the same bytes. The header holds
 * {@code __metadata__} first ({@code "format": "pt"} and {@value #ORDER_KEY}, the names in order as
 * a JSON array string), then one entry per tensor in data order; data is laid out by decreasing item
 * size (as the reference implementation does, so every tensor is aligned to its item size) and in
 * the given order within one item size.
 *
 * <p>Reading trusts nothing: every header field is checked (types, ranges, overflow-free sizes, byte
 * ranges exactly tiling the data section, file length) before any array is allocated, and arrays are
 * built from Java heap data only. A malformed file gives an {@link IllegalArgumentException} whose
 * message starts with the file and names the field; an I/O failure gives an
 * {@link UncheckedIOException} naming the file.
 */
@API(status = INTERNAL, since = "0.1")
public final class Safetensors {

    /** The largest header accepted, as in the reference implementation. */
    static final long MAX_HEADER_LENGTH = 100_000_000L;
    /** The most dimensions of one tensor. */
    static final int MAX_RANK = 32;
    /** The metadata key holding the parameter order. */
    static final String ORDER_KEY = "trainax.order";
    static final String METADATA = "__metadata__";
    /** JSON nesting allowed in a header; the format itself needs 3 levels. */
    static final int MAX_HEADER_DEPTH = 8;
    /** The longest array allowed in a header (shapes are bounded by {@link #MAX_RANK}). */
    static final int MAX_HEADER_ARRAY = 64;
    /** The most elements of one tensor: the longest Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int CHUNK = 1 << 16;
    private static final List<String> FIELDS = List.of("dtype", "shape", "data_offsets");

    /** The element types we read and write. */
    enum Dtype {
        F32(4, DataType.FLOAT),
        F64(8, DataType.DOUBLE),
        I32(4, DataType.INT),
        I64(8, DataType.LONG);

        final int size;
        final DataType type;

        Dtype(int size, DataType type) {
            this.size = size;
            this.type = type;
        }

        static String allowed() {
            return Arrays.stream(values()).map(d -> d.name() + " (" + d.type + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * A file's arrays in order and its text metadata (without the order entry).
     *
     * @param arrays   the arrays, in the order they were written
     * @param metadata the {@code __metadata__} strings
     */
    public record Content(Map<String, INDArray> arrays, Map<String, String> metadata) {
    }

    /** One validated header entry. */
    private record Entry(String name, Dtype dtype, long[] shape, long count, long begin, long end) {
    }

    private Safetensors() {
    }

    // ------------------------------------------------------------------------------------- writing

    /**
     * Writes {@code arrays} to {@code file} atomically (see {@link AtomicFiles}).
     *
     * @throws IllegalArgumentException for a name that is reserved or not valid Unicode, or an
     *                                  unsupported data type; nothing is written then
     * @throws UncheckedIOException     naming the file if it cannot be written
     */
    public static void write(Path file, Map<String, INDArray> arrays) {
        write(file, arrays, Map.of());
    }

    /**
     * Writes {@code arrays} with text {@code metadata} beside the format's own entries (whose keys
     * it may not use), atomically.
     *
     * @throws IllegalArgumentException as {@link #write(Path, Map)}, or for a reserved metadata key
     */
    public static void write(Path file, Map<String, INDArray> arrays, Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            if (key.equals("format") || key.equals(ORDER_KEY)) {
                throw new IllegalArgumentException("metadata key " + quote(key) + " is reserved");
            }
            requireWellFormed(key);
            requireWellFormed(metadata.get(key));
        }
        List<Map.Entry<String, INDArray>> layout = new ArrayList<>(arrays.entrySet());
        Map<String, Dtype> dtypes = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> entry : layout) {
            String name = entry.getKey();
            if (name.equals(METADATA)) {
                throw new IllegalArgumentException("parameter name " + quote(name)
                        + " is reserved by the safetensors format");
            }
            requireWellFormed(name);
            dtypes.put(name, dtypeOf(name, entry.getValue()));
        }
        byte[] header = header(arrays, dtypes, layout, metadata);
        AtomicFiles.write(file, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), CHUNK)) {
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
                out.write(header);
                for (Map.Entry<String, INDArray> entry : layout) {
                    writeData(out, dtypes.get(entry.getKey()), entry.getValue());
                }
            }
        });
    }

    /** The padded header bytes; sorts {@code layout} into data order. */
    private static byte[] header(Map<String, INDArray> arrays, Map<String, Dtype> dtypes,
            List<Map.Entry<String, INDArray>> layout, Map<String, String> metadata) {
        layout.sort(Comparator.comparingInt(entry -> -dtypes.get(entry.getKey()).size));
        StringBuilder order = new StringBuilder("[");
        for (String name : arrays.keySet()) {
            order.append(order.length() > 1 ? "," : "").append(jsonString(name));
        }
        order.append(']');
        StringBuilder json = new StringBuilder("{\"").append(METADATA).append("\":{\"format\":\"pt\",\"")
                .append(ORDER_KEY).append("\":").append(jsonString(order.toString()));
        metadata.forEach((key, value) -> json.append(',')
                .append(jsonString(key)).append(':').append(jsonString(value)));
        json.append('}');
        long offset = 0;
        for (Map.Entry<String, INDArray> entry : layout) {
            Dtype dtype = dtypes.get(entry.getKey());
            long[] shape = entry.getValue().shape();
            long end = offset + entry.getValue().length() * dtype.size;
            json.append(',').append(jsonString(entry.getKey())).append(":{\"dtype\":\"").append(dtype.name())
                    .append("\",\"shape\":[").append(Arrays.stream(shape).mapToObj(Long::toString)
                            .collect(Collectors.joining(","))).append("],\"data_offsets\":[").append(offset)
                    .append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(bytes, (bytes.length + 7) / 8 * 8);
        Arrays.fill(padded, bytes.length, padded.length, (byte) ' ');
        return padded;
    }

    private static Dtype dtypeOf(String name, INDArray array) {
        for (Dtype dtype : Dtype.values()) {
            if (dtype.type == array.dataType()) {
                return dtype;
            }
        }
        throw new IllegalArgumentException("parameter " + quote(name) + " has data type " + array.dataType()
                + "; parameter files hold " + Dtype.allowed() + " (convert with Parameters.copy(DataType))");
    }

    private static void requireWellFormed(String name) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            encoder.encode(CharBuffer.wrap(name));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("parameter name " + quote(name)
                    + " is not valid Unicode (an unpaired surrogate)", e);
        }
    }

    /** {@code text} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void writeData(OutputStream out, Dtype dtype, INDArray array) throws IOException {
        long length = array.length();
        if (length == 0) {
            return;
        }
        INDArray contiguous = array.dup('c');
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / dtype.size;
        switch (dtype) {
            case F32 -> {
                float[] values = contiguous.data().asFloat();
                for (int offset = 0; offset < length; offset += perChunk) {
                    int n = (int) Math.min(perChunk, length - offset);
                    buffer.clear();
                    buffer.asFloatBuffer().put(values, offset, n);
                    out.write(buffer.array(), 0, n * dtype.size);
                }
            }
            case F64 -> {
                double[] values = contiguous.data().asDouble();
                for (int offset = 0; offset < length; offset += perChunk) {
                    int n = (int) Math.min(perChunk, length - offset);
                    buffer.clear();
                    buffer.asDoubleBuffer().put(values, offset, n);
                    out.write(buffer.array(), 0, n * dtype.size);
                }
            }
            case I32 -> {
                int[] values = contiguous.data().asInt();
                for (int offset = 0; offset < length; offset += perChunk) {
                    int n = (int) Math.min(perChunk, length - offset);
                    buffer.clear();
                    buffer.asIntBuffer().put(values, offset, n);
                    out.write(buffer.array(), 0, n * dtype.size);
                }
            }
            case I64 -> {
                long[] values = contiguous.data().asLong();
                for (int offset = 0; offset < length; offset += perChunk) {
                    int n = (int) Math.min(perChunk, length - offset);
                    buffer.clear();
                    buffer.asLongBuffer().put(values, offset, n);
                    out.write(buffer.array(), 0, n * dtype.size);
                }
            }
            default -> throw new AssertionError(dtype);
        }
    }

    // ------------------------------------------------------------------------------------- reading

    /**
     * Reads the arrays of {@code file} in parameter order ({@value #ORDER_KEY} if present, else data
     * order).
     *
     * @throws IllegalArgumentException starting with the file, for a malformed or unsupported file
     * @throws UncheckedIOException     naming the file if it cannot be read
     */
    public static Map<String, INDArray> read(Path file) {
        return readWithMetadata(file).arrays();
    }

    /**
     * Reads the arrays as {@link #read} does, with the file's text metadata (less the format's own
     * entries).
     *
     * @throws IllegalArgumentException starting with the file, for a malformed or unsupported file
     * @throws UncheckedIOException     naming the file if it cannot be read
     */
    public static Content readWithMetadata(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(file, channel).read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameters from " + file + ": " + IoReasons.of(e), e);
        }
    }

    private static final class Reader {
        private final Path file;
        private final FileChannel channel;

        Reader(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        Content read() throws IOException {
            long size = channel.size();
            ByteBuffer prefix = readFully(0, (int) Math.min(8, size));
            if (size >= 4 && prefix.getInt(0) == 0x04034b50) {
                throw fail("this is the old ND4J zip parameter format of trainax 0.1 snapshots, no longer read"
                        + " because its reader trusted the stored shapes (a damaged file could crash the JVM);"
                        + " there is no converter: retrain, or load it with the trainax build that wrote it and"
                        + " export the arrays");
            }
            if (size < 8) {
                throw fail("file is " + size + " bytes, too short for the 8-byte header length of a safetensors"
                        + " file");
            }
            long headerLength = prefix.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH) {
                throw fail("header length " + Long.toUnsignedString(headerLength) + " exceeds the limit of "
                        + MAX_HEADER_LENGTH + " bytes");
            }
            if (headerLength > size - 8) {
                throw fail("header length " + headerLength + " exceeds the " + (size - 8)
                        + " bytes after the length field (truncated file?)");
            }
            if (headerLength < 2) {
                throw fail("header length " + headerLength + " is too small for a JSON object");
            }
            String text = decode(readFully(8, (int) headerLength));
            Object parsed;
            try {
                parsed = StrictJson.parse(text, MAX_HEADER_DEPTH, MAX_HEADER_ARRAY);
            } catch (StrictJson.JsonException e) {
                throw fail("header is not valid JSON: " + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?> header)) {
                throw fail("header must be a JSON object, got " + StrictJson.typeOf(parsed));
            }
            Map<String, String> metadata = Map.of();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<?, ?> member : header.entrySet()) {
                String name = (String) member.getKey();
                if (name.equals(METADATA)) {
                    metadata = metadata(member.getValue());
                } else {
                    entries.add(entry(name, member.getValue()));
                }
            }
            if (entries.isEmpty()) {
                throw fail("holds no tensors");
            }
            long dataLength = checkLayout(entries);
            long available = size - 8 - headerLength;
            if (dataLength > available) {
                throw fail("data_offsets need " + dataLength + " data bytes but only " + available
                        + " follow the header (truncated file?)");
            }
            if (dataLength < available) {
                throw fail("file has " + (available - dataLength) + " bytes after the data section (file is "
                        + size + " bytes, expected 8 + " + headerLength + " + " + dataLength + ")");
            }
            for (Entry entry : entries) {
                if (entry.count() > MAX_ELEMENTS) {
                    throw fail("tensor " + quote(entry.name()) + " has " + entry.count() + " elements; at most "
                            + MAX_ELEMENTS + " fit in one array");
                }
            }
            List<Entry> ordered = order(entries, metadata);
            long dataStart = 8 + headerLength;
            LinkedHashMap<String, INDArray> arrays = new LinkedHashMap<>();
            for (Entry entry : ordered) {
                arrays.put(entry.name(), array(entry, dataStart));
            }
            LinkedHashMap<String, String> notes = new LinkedHashMap<>(metadata);
            notes.remove("format");
            notes.remove(ORDER_KEY);
            return new Content(arrays, notes);
        }

        private String decode(ByteBuffer bytes) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = CharBuffer.allocate(bytes.remaining());
            CoderResult result = decoder.decode(bytes, chars, true);
            if (!result.isError()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                throw fail("header is not valid UTF-8 (at header byte " + bytes.position() + ")");
            }
            return chars.flip().toString();
        }

        private Map<String, String> metadata(Object value) {
            if (!(value instanceof Map<?, ?> map)) {
                throw fail(METADATA + " must be a JSON object of strings, got " + StrictJson.typeOf(value));
            }
            LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getValue() instanceof String text)) {
                    throw fail(METADATA + " " + quote((String) member.getKey()) + " must be a string, got "
                            + StrictJson.typeOf(member.getValue()));
                }
                metadata.put((String) member.getKey(), text);
            }
            return metadata;
        }

        private Entry entry(String name, Object value) {
            if (name.isBlank()) {
                throw fail("tensor name " + quote(name) + " must be non-blank");
            }
            String what = "tensor " + quote(name);
            if (!(value instanceof Map<?, ?> fields)) {
                throw fail(what + " must be a JSON object, got " + StrictJson.typeOf(value));
            }
            for (String field : FIELDS) {
                if (!fields.containsKey(field)) {
                    throw fail(what + " lacks field '" + field + "'");
                }
            }
            for (Object field : fields.keySet()) {
                if (!FIELDS.contains(field)) {
                    throw fail(what + " has unknown field " + quote((String) field) + " (allowed: dtype, shape,"
                            + " data_offsets)");
                }
            }
            Object dtypeValue = fields.get("dtype");
            if (!(dtypeValue instanceof String dtypeName)) {
                throw fail(what + " dtype must be a string, got " + StrictJson.typeOf(dtypeValue));
            }
            Dtype dtype = Arrays.stream(Dtype.values()).filter(d -> d.name().equals(dtypeName)).findFirst()
                    .orElseThrow(() -> fail(what + " dtype " + quote(dtypeName) + " is not supported; allowed: "
                            + Dtype.allowed()));
            Object shapeValue = fields.get("shape");
            if (!(shapeValue instanceof List<?> shapeList)) {
                throw fail(what + " shape must be an array of integers, got " + StrictJson.typeOf(shapeValue));
            }
            if (shapeList.size() > MAX_RANK) {
                throw fail(what + " shape has " + shapeList.size() + " dimensions; at most " + MAX_RANK
                        + " are supported");
            }
            long[] shape = new long[shapeList.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = nonNegative(what + " shape[" + i + "]", shapeList.get(i));
            }
            Object offsetsValue = fields.get("data_offsets");
            if (!(offsetsValue instanceof List<?> offsets) || offsets.size() != 2) {
                throw fail(what + " data_offsets must be an array of two integers [begin, end], got "
                        + (offsetsValue instanceof List<?> list ? "an array of " + list.size()
                                : StrictJson.typeOf(offsetsValue)));
            }
            long begin = nonNegative(what + " data_offsets[0]", offsets.get(0));
            long end = nonNegative(what + " data_offsets[1]", offsets.get(1));
            String span = "[" + begin + ", " + end + "]";
            if (end < begin) {
                throw fail(what + " data_offsets " + span + " end before they begin");
            }
            long count = 1;
            for (long dimension : shape) {
                try {
                    count = Math.multiplyExact(count, dimension);
                } catch (ArithmeticException e) {
                    throw fail(what + " shape " + Arrays.toString(shape) + " has more elements than a long holds");
                }
            }
            long bytes;
            try {
                bytes = Math.multiplyExact(count, dtype.size);
            } catch (ArithmeticException e) {
                throw fail(what + " shape " + Arrays.toString(shape) + " × " + dtype + " has more bytes than a long"
                        + " holds");
            }
            if (end - begin != bytes) {
                throw fail(what + " data_offsets " + span + " must span " + bytes + " bytes (shape "
                        + Arrays.toString(shape) + " × " + dtype + ")");
            }
            return new Entry(name, dtype, shape, count, begin, end);
        }

        private long nonNegative(String what, Object value) {
            if (!(value instanceof StrictJson.Number number)) {
                throw fail(what + " must be a non-negative integer, got " + StrictJson.typeOf(value));
            }
            String text = number.text();
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            if (text.startsWith("-")) {
                throw fail(what + " must be a non-negative integer, got " + shown);
            }
            if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                throw fail(what + " must be an integer without fraction or exponent, got " + shown);
            }
            if (text.length() > 19 || (text.length() == 19 && text.compareTo("9223372036854775807") > 0)) {
                throw fail(what + " must be at most 2^63-1, got " + shown);
            }
            return Long.parseLong(text);
        }

        /** Checks that the byte ranges tile {@code [0, length)} exactly; returns the length. */
        private long checkLayout(List<Entry> entries) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            long expected = 0;
            Entry previous = null;
            for (Entry entry : sorted) {
                String span = "[" + entry.begin() + ", " + entry.end() + "]";
                if (entry.begin() > expected) {
                    throw fail("data bytes [" + expected + ", " + entry.begin() + ") belong to no tensor (the next is "
                            + "tensor " + quote(entry.name()) + " at data_offsets " + span + ")");
                }
                if (entry.begin() < expected) {
                    throw fail("tensor " + quote(entry.name()) + " data_offsets " + span + " overlap tensor "
                            + quote(previous.name()) + " data_offsets [" + previous.begin() + ", "
                            + previous.end() + "]");
                }
                expected = entry.end();
                if (entry.end() > entry.begin()) {
                    previous = entry;
                }
            }
            return expected;
        }

        private List<Entry> order(List<Entry> entries, Map<String, String> metadata) {
            List<Entry> byData = new ArrayList<>(entries);
            byData.sort(Comparator.comparingLong(Entry::begin));
            String orderText = metadata.get(ORDER_KEY);
            if (orderText == null) {
                return byData;
            }
            String what = METADATA + " '" + ORDER_KEY + "'";
            Object parsed;
            try {
                parsed = StrictJson.parse(orderText, 1, Integer.MAX_VALUE - 8);
            } catch (StrictJson.JsonException e) {
                throw fail(what + " must be a JSON array of tensor names: " + e.getMessage());
            }
            if (!(parsed instanceof List<?> names)) {
                throw fail(what + " must be a JSON array of tensor names, got " + StrictJson.typeOf(parsed));
            }
            Map<String, Entry> byName = new LinkedHashMap<>();
            entries.forEach(entry -> byName.put(entry.name(), entry));
            Set<String> seen = new HashSet<>();
            List<Entry> ordered = new ArrayList<>();
            for (Object name : names) {
                if (!(name instanceof String text)) {
                    throw fail(what + " must hold only strings, got " + StrictJson.typeOf(name));
                }
                if (!seen.add(text)) {
                    throw fail(what + " names " + quote(text) + " twice");
                }
                Entry entry = byName.get(text);
                if (entry == null) {
                    throw fail(what + " names " + quote(text) + ", which is not a tensor of the file");
                }
                ordered.add(entry);
            }
            for (Entry entry : byData) {
                if (!seen.contains(entry.name())) {
                    throw fail(what + " lacks tensor " + quote(entry.name()));
                }
            }
            return ordered;
        }

        private INDArray array(Entry entry, long dataStart) throws IOException {
            int count = (int) entry.count();
            long position = dataStart + entry.begin();
            int size = entry.dtype().size;
            int perChunk = CHUNK / size;
            INDArray flat;
            switch (entry.dtype()) {
                case F32 -> {
                    float[] values = new float[count];
                    for (int offset = 0; offset < count; offset += perChunk) {
                        int n = Math.min(perChunk, count - offset);
                        readFully(position + (long) offset * size, n * size).asFloatBuffer().get(values, offset, n);
                    }
                    flat = count == 0 ? null : entry.shape().length == 0 ? Nd4j.scalar(values[0])
                            : Nd4j.createFromArray(values);
                }
                case F64 -> {
                    double[] values = new double[count];
                    for (int offset = 0; offset < count; offset += perChunk) {
                        int n = Math.min(perChunk, count - offset);
                        readFully(position + (long) offset * size, n * size).asDoubleBuffer().get(values, offset, n);
                    }
                    flat = count == 0 ? null : entry.shape().length == 0 ? Nd4j.scalar(values[0])
                            : Nd4j.createFromArray(values);
                }
                case I32 -> {
                    int[] values = new int[count];
                    for (int offset = 0; offset < count; offset += perChunk) {
                        int n = Math.min(perChunk, count - offset);
                        readFully(position + (long) offset * size, n * size).asIntBuffer().get(values, offset, n);
                    }
                    flat = count == 0 ? null : entry.shape().length == 0 ? Nd4j.scalar(values[0])
                            : Nd4j.createFromArray(values);
                }
                case I64 -> {
                    long[] values = new long[count];
                    for (int offset = 0; offset < count; offset += perChunk) {
                        int n = Math.min(perChunk, count - offset);
                        readFully(position + (long) offset * size, n * size).asLongBuffer().get(values, offset, n);
                    }
                    flat = count == 0 ? null : entry.shape().length == 0 ? Nd4j.scalar(values[0])
                            : Nd4j.createFromArray(values);
                }
                default -> throw new AssertionError(entry.dtype());
            }
            if (flat == null) {
                return Nd4j.create(entry.dtype().type, entry.shape());
            }
            return entry.shape().length <= 1 ? flat : flat.reshape('c', entry.shape());
        }

        /** {@code length} bytes from {@code position}, little-endian, on the Java heap. */
        private ByteBuffer readFully(long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw fail("file ended at byte " + (position + buffer.position()) + " (changed while reading?)");
                }
            }
            return buffer.flip();
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(file + ": " + problem);
        }
    }

    /** {@code text} in single quotes for a message: escaped, and cut after 60 characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(text.length(), 60);
        if (limit < text.length() && Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--;
        }
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validPair(text, i)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append('…');
        }
        return out.append('\'').toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
