package dev.trainax.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trainax.api.internal.Safetensors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mutation fuzzing of {@link Parameters#load}: thousands of damaged and hostile variants of valid
 * files (fixed seed) must each either fail with an {@link IllegalArgumentException} naming the file
 * or, when only data bytes changed, load with the original names and shapes. Any other outcome
 * (another exception, a JVM error, a hang) fails the test.
 */
class ParametersFileFuzzTest {

    private static final long SEED = 0x5AFE_7E45L;
    private static final int ITERATIONS = 5000;

    /** The mutation families; each iteration applies one. */
    enum Kind {
        TRUNCATE, FLIP_BITS, FLIP_DATA_BITS, OVERWRITE_DATA, OVERWRITE_HEADER_BYTES, HEADER_LENGTH, HOSTILE_NUMBER,
        HOSTILE_DTYPE, DUPLICATE_NAME, DEEP_NESTING, NON_UTF8, REVERSE_OFFSETS, SHIFT_OFFSET, JSON_PUNCTUATION,
        HOSTILE_ORDER, FIELDS, INSERT_OR_DELETE_BYTES, APPEND_BYTES
    }

    private record Seed(byte[] bytes, int headerLength, List<String> names, List<long[]> shapes) {
        String header() {
            return new String(bytes, 8, headerLength, StandardCharsets.UTF_8);
        }

        byte[] data() {
            return Arrays.copyOfRange(bytes, 8 + headerLength, bytes.length);
        }
    }

    private record Mutant(byte[] bytes, boolean dataOnly) {
    }

    private static final String[] HOSTILE_NUMBERS = {"1099511627776", "-1", "-0", "9223372036854775807",
            "9223372036854775808", "4611686018427387904", "2305843009213693952", "0", "1", "2.5", "1e3", "1E-2",
            "99999999999999999999999999", "-9223372036854775808", "00", "3037000500", "4294967296"};
    private static final String[] HOSTILE_DTYPES = {"F16", "BF16", "U8", "BOOL", "f32", "", "F32 ", "I64", "F64",
            "I32", "F32", "C64", "F8_E4M3", "\\u0046\\u0033\\u0032"};
    private static final String JSON_ALPHABET = "{}[]\",:-0123456789.eE \\tnul";

    @Test
    void mutatedFilesFailCleanlyOrLoadTheOriginalStructure(@TempDir Path folder) throws IOException {
        List<Seed> seeds = seeds(folder);
        Path target = folder.resolve("fuzz.safetensors");
        Random random = new Random(SEED);
        Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class); // [loaded, rejected]
        long start = System.nanoTime();
        // one open channel rewritten in place: Files.write's truncate-on-open costs milliseconds on ext4
        try (FileChannel writer = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                    Seed seed = seeds.get(random.nextInt(seeds.size()));
                    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                    Mutant mutant = mutate(seed, kind, random);
                    overwrite(writer, mutant.bytes());
                    String where = "iteration " + iteration + " (" + kind + ", " + mutant.bytes().length + " bytes)";
                    boolean loaded = check(target, seed, mutant, where);
                    outcomes.computeIfAbsent(kind, k -> new int[2])[loaded ? 0 : 1]++;
                }
            });
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder report = new StringBuilder("fuzz: " + ITERATIONS + " mutants in " + millis + " ms;");
        outcomes.forEach((kind, counts) -> report.append(' ').append(kind).append('=').append(counts[0]).append('/')
                .append(counts[1]));
        System.out.println(report + " (loaded/rejected)");
        int loaded = outcomes.values().stream().mapToInt(c -> c[0]).sum();
        int rejected = outcomes.values().stream().mapToInt(c -> c[1]).sum();
        assertEquals(ITERATIONS, loaded + rejected);
        assertEquals(Kind.values().length, outcomes.size(), "every mutation family ran");
        assertTrue(rejected > ITERATIONS / 2, report.toString());
        assertTrue(outcomes.get(Kind.FLIP_DATA_BITS)[0] > 0 && outcomes.get(Kind.HEADER_LENGTH)[1] > 0,
                report.toString());
    }

    /** Loads the mutant: true if it loaded (with the seed's structure if only data changed), false if rejected. */
    private static boolean check(Path target, Seed seed, Mutant mutant, String where) {
        try {
            Parameters loaded = Parameters.load(target);
            long headerLength = ByteBuffer.wrap(mutant.bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            long tensorBytes = loaded.asMap().values().stream()
                    .mapToLong(array -> array.length() * array.dataType().width()).sum();
            assertEquals(mutant.bytes().length - 8 - headerLength, tensorBytes,
                    where + ": the loaded tensors must cover the data section exactly");
            if (mutant.dataOnly()) {
                assertEquals(seed.names(), List.copyOf(loaded.names()), where);
                for (int i = 0; i < seed.names().size(); i++) {
                    assertArrayEquals(seed.shapes().get(i), loaded.get(seed.names().get(i)).shape(), where);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith(target + ": "), where + ": " + e.getMessage());
            if (mutant.dataOnly()) {
                fail(where + ": changing data bytes only must still load, got " + e.getMessage());
            }
            return false;
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(where + ": must fail with IllegalArgumentException only, got " + e, e);
        }
    }

    private static void overwrite(FileChannel writer, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            writer.write(buffer, buffer.position());
        }
        writer.truncate(bytes.length);
    }

    /** Valid files: written by {@link Parameters#save}, and one in the layout PyTorch writes. */
    private static List<Seed> seeds(Path folder) throws IOException {
        List<Parameters> parameters = new ArrayList<>();
        parameters.add(ParametersFileTest.golden());
        Map<String, INDArray> mixed = new LinkedHashMap<>();
        mixed.put("conv.weight", Nd4j.createFromArray(0.5f, -1.25f, 3f, 1e-3f, -7f, 2f).reshape(2, 1, 3));
        mixed.put("conv.bias", Nd4j.createFromArray(0.1, -0.2));
        mixed.put("steps", Nd4j.createFromArray(3, 4));
        mixed.put("count", Nd4j.scalar(7L));
        mixed.put("empty", Nd4j.create(DataType.FLOAT, 0, 2));
        mixed.put("gewicht.ü", Nd4j.createFromArray(1f));
        parameters.add(Parameters.of(mixed));
        float[] values = new float[64];
        Random random = new Random(SEED);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        parameters.add(Parameters.of(Map.of("w", Nd4j.createFromArray(values).reshape(8, 8))));
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Path file = folder.resolve("seed" + i + ".safetensors");
            parameters.get(i).save(file);
            seeds.add(seed(file));
        }
        Path torch = SafetensorsFixtures.write(folder.resolve("torch.safetensors"), "{\"__metadata__\":{\"format\":"
                + "\"pt\"},\"bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},\"weight\":{\"dtype\":"
                + "\"F32\",\"shape\":[3,2],\"data_offsets\":[12,36]}}", new byte[36]);
        seeds.add(seed(torch));
        return seeds;
    }

    private static Seed seed(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Parameters loaded = Parameters.load(file);
        int headerLength = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        return new Seed(bytes, headerLength, List.copyOf(loaded.names()),
                loaded.names().stream().map(name -> loaded.get(name).shape()).toList());
    }

    private static Mutant mutate(Seed seed, Kind kind, Random random) {
        byte[] bytes = seed.bytes().clone();
        int dataStart = 8 + seed.headerLength();
        int dataLength = bytes.length - dataStart;
        String header = seed.header().stripTrailing();
        switch (kind) {
            case TRUNCATE:
                return new Mutant(Arrays.copyOf(bytes, random.nextInt(bytes.length)), false);
            case FLIP_BITS:
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                return new Mutant(bytes, false);
            case FLIP_DATA_BITS:
            case OVERWRITE_DATA:
                if (dataLength == 0) {
                    return new Mutant(bytes, true);
                }
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int at = dataStart + random.nextInt(dataLength);
                    bytes[at] = kind == Kind.FLIP_DATA_BITS ? (byte) (bytes[at] ^ (1 << random.nextInt(8)))
                            : (byte) random.nextInt(256);
                }
                return new Mutant(bytes, true);
            case OVERWRITE_HEADER_BYTES:
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    int at = 8 + random.nextInt(seed.headerLength());
                    bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : (byte) JSON_ALPHABET.charAt(random.nextInt(JSON_ALPHABET.length()));
                }
                return new Mutant(bytes, false);
            case HEADER_LENGTH: {
                long[] lengths = {Long.MAX_VALUE, 1L << 40, 0, 1, -1, Long.MIN_VALUE, bytes.length - 7, bytes.length,
                        seed.headerLength() - 1, seed.headerLength() + 1, 100_000_001, random.nextLong(),
                        random.nextInt(bytes.length)};
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, lengths[random.nextInt(lengths.length)]);
                return new Mutant(bytes, false);
            }
            case HOSTILE_NUMBER:
                return rebuilt(replaceRandom(header, "-?\\d+", HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)],
                        random), seed);
            case HOSTILE_DTYPE:
                return rebuilt(replaceRandom(header, "(?<=\"dtype\":\")[^\"]*",
                        HOSTILE_DTYPES[random.nextInt(HOSTILE_DTYPES.length)], random), seed);
            case DUPLICATE_NAME: {
                List<String> names = seed.names();
                String name = Safetensors.jsonString(names.get(random.nextInt(names.size())));
                return rebuilt(replaceRandom(header, "\"[^\"]+\"(?=:\\{\"dtype)", name, random), seed);
            }
            case DEEP_NESTING: {
                int at = 1 + random.nextInt(header.length() - 1);
                int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 20_000);
                String open = random.nextBoolean() ? "[" : "{\"k\":";
                return rebuilt(header.substring(0, at) + open.repeat(depth) + header.substring(at), seed);
            }
            case NON_UTF8: {
                byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
                byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(headerBytes.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(headerBytes, 0, at);
                out.writeBytes(invalid[random.nextInt(invalid.length)]);
                out.write(headerBytes, at, headerBytes.length - at);
                return rebuilt(out.toByteArray(), seed.data());
            }
            case REVERSE_OFFSETS:
                return rebuilt(editRandom(header, "\"data_offsets\":\\[\\d+,\\d+]",
                        found -> found.replaceAll("\\[(\\d+),(\\d+)]", "[$2,$1]"), random), seed);
            case SHIFT_OFFSET: {
                long shift = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(random.nextBoolean() ? 8 : 1 << 20));
                return rebuilt(editRandom(header, random.nextBoolean() ? "(?<=\"data_offsets\":\\[)\\d+"
                        : "(?<=\"data_offsets\":\\[\\d{1,19},)\\d+",
                        found -> Long.toString(Long.parseLong(found) + shift), random), seed);
            }
            case JSON_PUNCTUATION: {
                int at = random.nextInt(header.length());
                String text = random.nextBoolean() ? header.substring(0, at) + header.substring(at + 1)
                        : header.substring(0, at) + JSON_ALPHABET.charAt(random.nextInt(JSON_ALPHABET.length()))
                                + header.substring(at);
                return rebuilt(text, seed);
            }
            case HOSTILE_ORDER: {
                String[] orders = {"[]", "[\\\"w\\\"]", "[\\\"w\\\",\\\"w\\\"]", "{}", "[1]", "[[[[[]]]]]", "",
                        "[\\\"conv.weight\\\",\\\"conv.bias\\\"]", "[\\\"bias\\\",\\\"weight\\\"]", "null", "[\\\""};
                String order = orders[random.nextInt(orders.length)];
                String text = header.contains("trainax.order")
                        ? replaceRandom(header, "(?<=\"trainax.order\":\")(\\\\.|[^\"\\\\])*", order, random)
                        : header.replace("\"format\":\"pt\"}", "\"format\":\"pt\",\"trainax.order\":\"" + order + "\"}");
                return rebuilt(text, seed);
            }
            case FIELDS: {
                String[] added = {",\"extra\":1", ",\"dtype\":\"F32\"", ",\"shape\":[]", ",\"data_offsets\":[0,0]"};
                String addition = added[random.nextInt(added.length)];
                String[] removed = {"\"dtype\":\"[^\"]*\",", "\"shape\":\\[[\\d,]*\\],", ",\"data_offsets\":\\[\\d+,\\d+]"};
                String text = random.nextBoolean()
                        ? editRandom(header, "\"data_offsets\":\\[\\d+,\\d+]", found -> found + addition, random)
                        : replaceRandom(header, removed[random.nextInt(removed.length)], "", random);
                return rebuilt(text, seed);
            }
            case INSERT_OR_DELETE_BYTES: {
                int at = random.nextInt(bytes.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                if (random.nextBoolean()) {
                    byte[] extra = new byte[1 + random.nextInt(16)];
                    random.nextBytes(extra);
                    out.writeBytes(extra);
                    out.write(bytes, at, bytes.length - at);
                } else {
                    int skip = Math.min(bytes.length - at, 1 + random.nextInt(16));
                    out.write(bytes, at + skip, bytes.length - at - skip);
                }
                return new Mutant(out.toByteArray(), false);
            }
            case APPEND_BYTES: {
                byte[] extra = new byte[1 + random.nextInt(32)];
                random.nextBytes(extra);
                byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
                System.arraycopy(extra, 0, longer, bytes.length, extra.length);
                return new Mutant(longer, false);
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** {@code header} with one random match of {@code regex} replaced by {@code replacement} (literally). */
    private static String replaceRandom(String header, String regex, String replacement, Random random) {
        return editRandom(header, regex, match -> replacement, random);
    }

    /** {@code header} with one random match of {@code regex} replaced by {@code edit} of it. */
    private static String editRandom(String header, String regex, UnaryOperator<String> edit, Random random) {
        Matcher matcher = Pattern.compile(regex).matcher(header);
        List<int[]> matches = new ArrayList<>();
        while (matcher.find()) {
            matches.add(new int[] {matcher.start(), matcher.end()});
        }
        if (matches.isEmpty()) {
            return header;
        }
        int[] match = matches.get(random.nextInt(matches.size()));
        return header.substring(0, match[0]) + edit.apply(header.substring(match[0], match[1]))
                + header.substring(match[1]);
    }

    private static Mutant rebuilt(String header, Seed seed) {
        return rebuilt(header.getBytes(StandardCharsets.UTF_8), seed.data());
    }

    private static Mutant rebuilt(byte[] header, byte[] data) {
        ByteBuffer all = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        all.putLong(header.length).put(header).put(data);
        return new Mutant(all.array(), false);
    }
}
