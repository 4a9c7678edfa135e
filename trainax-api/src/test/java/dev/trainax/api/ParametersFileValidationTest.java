package dev.trainax.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainax.api.internal.Safetensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check of {@link Parameters#load} on hostile or damaged files, with its exact message. */
class ParametersFileValidationTest {

    @TempDir
    Path folder;

    private static final String W = "\"weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    private void expect(String message, Path file) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Parameters.load(file));
        assertEquals(file + ": " + message, error.getMessage());
    }

    private void expect(String message, String header, int dataBytes) {
        expect(message, SafetensorsFixtures.write(folder.resolve("p.safetensors"), header, new byte[dataBytes]));
    }

    private void expectHeaderLength(String message, long headerLength, int realHeaderBytes) {
        byte[] header = ("{" + W + "}").getBytes(StandardCharsets.UTF_8);
        expect(message, SafetensorsFixtures.write(folder.resolve("p.safetensors"), headerLength,
                java.util.Arrays.copyOf(header, realHeaderBytes), new byte[0]));
    }

    @Test
    void tooShortFiles() {
        expect("file is 0 bytes, too short for the 8-byte header length of a safetensors file",
                SafetensorsFixtures.bytes(folder.resolve("p.safetensors"), new byte[0]));
        expect("file is 7 bytes, too short for the 8-byte header length of a safetensors file",
                SafetensorsFixtures.bytes(folder.resolve("p.safetensors"), new byte[7]));
    }

    @Test
    void headerLengthOutsideTheFileOrTheLimit() {
        assertEquals(59, ("{" + W + "}").length());
        expectHeaderLength("header length 9223372036854775807 exceeds the limit of 100000000 bytes",
                Long.MAX_VALUE, 59);
        expectHeaderLength("header length 18446744073709551615 exceeds the limit of 100000000 bytes", -1, 59);
        expectHeaderLength("header length 1099511627776 exceeds the limit of 100000000 bytes", 1L << 40, 59);
        expectHeaderLength("header length 100000001 exceeds the limit of 100000000 bytes", 100_000_001, 59);
        expectHeaderLength("header length 100000000 exceeds the 59 bytes after the length field (truncated file?)",
                100_000_000, 59);
        expectHeaderLength("header length 60 exceeds the 59 bytes after the length field (truncated file?)", 60, 59);
        expectHeaderLength("header length 0 is too small for a JSON object", 0, 59);
        expectHeaderLength("header length 1 is too small for a JSON object", 1, 59);
        // a shorter length cuts the JSON
        expectHeaderLength("header is not valid JSON: unexpected end of text, expected ',' or '}' at character 58",
                58, 58);
        expectHeaderLength("header is not valid JSON: unterminated string at character 30", 30, 30);
    }

    @Test
    void oldZipFormatIsExplained() throws IOException {
        Path file = folder.resolve("parameters.params");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("weight"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        expect("this is the old ND4J zip parameter format of trainax 0.1 snapshots, no longer read because its"
                + " reader trusted the stored shapes (a damaged file could crash the JVM); there is no converter:"
                + " retrain, or load it with the trainax build that wrote it and export the arrays", file);
    }

    @Test
    void headerMustBeUtf8() {
        byte[] header = ("{\"w\u00e9\":{}}").getBytes(StandardCharsets.UTF_8);
        header[3] = (byte) 0xFF; // first byte of é
        expect("header is not valid UTF-8 (at header byte 3)",
                SafetensorsFixtures.write(folder.resolve("p.safetensors"), header.length, header, new byte[0]));
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        expect("header is not valid UTF-8 (at header byte 2)",
                SafetensorsFixtures.write(folder.resolve("p.safetensors"), overlong.length, overlong, new byte[0]));
    }

    static Stream<Arguments> malformedJson() {
        return Stream.of(
                Arguments.of("{\"weight\":", "unexpected end of text, expected a value at character 10"),
                Arguments.of("[" .repeat(100_000), "nesting deeper than 8 levels at character 8"),
                Arguments.of("{\"__metadata__\":{\"a\":" + "[".repeat(50), "nesting deeper than 8 levels at character 27"),
                Arguments.of("{" + W + "," + W + "}", "duplicate key 'weight' at character 59"),
                Arguments.of("{" + W + "} x", "unexpected 'x' after the JSON value at character 60"),
                Arguments.of("{" + W + ",}", "unexpected '}', expected a string key at character 59"),
                Arguments.of("{'w':1}", "unexpected ''', expected a string key at character 1"),
                Arguments.of("{\"w\":01}", "unexpected '1', expected ',' or '}' at character 6"),
                Arguments.of("{\"w\":1.}", "invalid number: a digit must follow '.' at character 7"),
                Arguments.of("{\"w\":NaN}", "unexpected 'N', expected a value at character 5"),
                Arguments.of("{\"w\":tru}", "unexpected 't', expected a value at character 5"),
                Arguments.of("{\"a\tb\":1}", "unescaped control character U+0009 in a string at character 3"),
                Arguments.of("{\"a\\x\":1}", "invalid escape '\\x' in a string at character 4"),
                Arguments.of("{\"a\\ud800\":1}", "lone high surrogate \\uD800 in a string at character 9"),
                Arguments.of("{\"a\\udc00\":1}", "lone low surrogate \\uDC00 in a string at character 9"),
                Arguments.of("{\"a\\u12\":1}", "invalid \\u escape at character 4"),
                Arguments.of("{\"w\":[" + "0,".repeat(64) + "0]}", "array has more than 64 elements at character 134"));
    }

    @ParameterizedTest
    @MethodSource("malformedJson")
    void headerMustBeStrictJsonWithinLimits(String header, String problem) {
        expect("header is not valid JSON: " + problem, header, 0);
    }

    @Test
    void headerStructure() {
        expect("header must be a JSON object, got an array", "[]", 0);
        expect("holds no tensors", "{}", 0);
        expect("holds no tensors", "{\"__metadata__\":{\"format\":\"pt\"}}", 0);
        expect("tensor name '  ' must be non-blank", "{\"  \":{}}", 0);
        expect("tensor 'we\\'i\\u000Ag' must be a JSON object, got an array", "{\"we'i\\ng\":[]}", 0);
        expect("tensor 'weight' must be a JSON object, got a number", "{\"weight\":1}", 0);
        expect("tensor 'weight' lacks field 'shape'", "{\"weight\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8);
        expect("tensor 'weight' has unknown field 'extra' (allowed: dtype, shape, data_offsets)",
                "{\"weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"extra\":1}}", 8);
        String longName = "n".repeat(100);
        expect("tensor '" + "n".repeat(60) + "…' must be a JSON object, got null", "{\"" + longName + "\":null}", 0);
    }

    private static String tensor(String dtype, String shape, String offsets) {
        return "{\"weight\":{\"dtype\":" + dtype + ",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}}";
    }

    @Test
    void dtypes() {
        expect("tensor 'weight' dtype must be a string, got a number", tensor("4", "[2]", "[0,8]"), 8);
        expect("tensor 'weight' dtype 'F16' is not supported; allowed: F32 (FLOAT), F64 (DOUBLE), I32 (INT),"
                + " I64 (LONG)", tensor("\"F16\"", "[2]", "[0,4]"), 4);
        expect("tensor 'weight' dtype 'f32' is not supported; allowed: F32 (FLOAT), F64 (DOUBLE), I32 (INT),"
                + " I64 (LONG)", tensor("\"f32\"", "[2]", "[0,8]"), 8);
    }

    @Test
    void shapes() {
        expect("tensor 'weight' shape must be an array of integers, got a string", tensor("\"F32\"", "\"2\"", "[0,8]"), 8);
        expect("tensor 'weight' shape[0] must be a non-negative integer, got a string",
                tensor("\"F32\"", "[\"2\"]", "[0,8]"), 8);
        expect("tensor 'weight' shape[1] must be a non-negative integer, got -2", tensor("\"F32\"", "[1,-2]", "[0,8]"), 8);
        expect("tensor 'weight' shape[0] must be an integer without fraction or exponent, got 2.0",
                tensor("\"F32\"", "[2.0]", "[0,8]"), 8);
        expect("tensor 'weight' shape[0] must be an integer without fraction or exponent, got 2e0",
                tensor("\"F32\"", "[2e0]", "[0,8]"), 8);
        expect("tensor 'weight' shape[0] must be at most 2^63-1, got 9223372036854775808",
                tensor("\"F32\"", "[9223372036854775808]", "[0,8]"), 8);
        expect("tensor 'weight' shape[0] must be at most 2^63-1, got " + "9".repeat(40) + "…",
                tensor("\"F32\"", "[" + "9".repeat(50) + "]", "[0,8]"), 8);
        expect("tensor 'weight' shape has 33 dimensions; at most 32 are supported",
                tensor("\"F32\"", "[" + "1,".repeat(32) + "1]", "[0,4]"), 4);
        expect("tensor 'weight' shape [1099511627776, 1099511627776] has more elements than a long holds",
                tensor("\"F32\"", "[1099511627776,1099511627776]", "[0,8]"), 8);
        expect("tensor 'weight' shape [4611686018427387904] × F32 has more bytes than a long holds",
                tensor("\"F32\"", "[4611686018427387904]", "[0,8]"), 8);
        expect("data_offsets need 4398046511104 data bytes but only 8 follow the header (truncated file?)",
                tensor("\"F32\"", "[1099511627776]", "[0,4398046511104]"), 8);
    }

    @Test
    void dataOffsets() {
        expect("tensor 'weight' data_offsets [0, 12] must span 8 bytes (shape [2] × F32)",
                tensor("\"F32\"", "[2]", "[0,12]"), 12);
        expect("tensor 'weight' data_offsets [0, 8] must span 16 bytes (shape [2] × F64)",
                tensor("\"F64\"", "[2]", "[0,8]"), 8);
        expect("tensor 'weight' data_offsets [0, 0] must span 4 bytes (shape [] × F32)",
                tensor("\"F32\"", "[]", "[0,0]"), 0);
        expect("tensor 'weight' data_offsets [8, 0] end before they begin", tensor("\"F32\"", "[2]", "[8,0]"), 8);
        expect("tensor 'weight' data_offsets[0] must be a non-negative integer, got -8",
                tensor("\"F32\"", "[2]", "[-8,0]"), 8);
        expect("tensor 'weight' data_offsets must be an array of two integers [begin, end], got an array of 3",
                tensor("\"F32\"", "[2]", "[0,8,16]"), 8);
        expect("tensor 'weight' data_offsets must be an array of two integers [begin, end], got an object",
                tensor("\"F32\"", "[2]", "{}"), 8);
        expect("tensor 'weight' data_offsets[1] must be a non-negative integer, got null",
                tensor("\"F32\"", "[2]", "[0,null]"), 8);
    }

    private static String two(String first, String second) {
        return "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":" + first + "},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":" + second + "}}";
    }

    @Test
    void byteRangesMustTileTheDataSectionAndFillTheFile() {
        expect("tensor 'b' data_offsets [4, 12] overlap tensor 'a' data_offsets [0, 8]", two("[0,8]", "[4,12]"), 12);
        expect("tensor 'b' data_offsets [0, 8] overlap tensor 'a' data_offsets [0, 8]", two("[0,8]", "[0,8]"), 8);
        expect("data bytes [8, 12) belong to no tensor (the next is tensor 'b' at data_offsets [12, 20])",
                two("[0,8]", "[12,20]"), 20);
        expect("data bytes [0, 4) belong to no tensor (the next is tensor 'a' at data_offsets [4, 12])",
                two("[4,12]", "[12,20]"), 20);
        expect("data_offsets need 16 data bytes but only 12 follow the header (truncated file?)",
                two("[0,8]", "[8,16]"), 12);
        String header = two("[8,16]", "[0,8]");
        expect("file has 3 bytes after the data section (file is " + (8 + header.length() + 19) + " bytes, expected 8 + "
                + header.length() + " + 16)", header, 19);
        expect("data_offsets need 9223372036854775800 data bytes but only 0 follow the header (truncated file?)",
                "{\"b\":{\"dtype\":\"I64\",\"shape\":[1152921504606846975],"
                        + "\"data_offsets\":[0,9223372036854775800]}}", 0);
    }

    private static String ordered(String order) {
        return "{\"__metadata__\":{\"trainax.order\":" + Safetensors.jsonString(order) + "},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
    }

    @Test
    void metadataAndOrder() {
        expect("__metadata__ must be a JSON object of strings, got a string", "{\"__metadata__\":\"pt\"," + W + "}", 8);
        expect("__metadata__ 'format' must be a string, got a number", "{\"__metadata__\":{\"format\":1}," + W + "}", 8);
        expect("__metadata__ 'trainax.order' must be a JSON array of tensor names: unexpected end of text, expected"
                + " ',' or ']' at character 4", ordered("[\"a\""), 16);
        expect("__metadata__ 'trainax.order' must be a JSON array of tensor names: nesting deeper than 1 levels at"
                + " character 1", ordered("[[\"a\"]]"), 16);
        expect("__metadata__ 'trainax.order' must be a JSON array of tensor names, got an object", ordered("{}"), 16);
        expect("__metadata__ 'trainax.order' must hold only strings, got a number", ordered("[\"a\",1]"), 16);
        expect("__metadata__ 'trainax.order' names 'a' twice", ordered("[\"a\",\"a\",\"b\"]"), 16);
        expect("__metadata__ 'trainax.order' names 'c', which is not a tensor of the file", ordered("[\"a\",\"c\"]"), 16);
        expect("__metadata__ 'trainax.order' lacks tensor 'a'", ordered("[\"b\"]"), 16);
    }
}
