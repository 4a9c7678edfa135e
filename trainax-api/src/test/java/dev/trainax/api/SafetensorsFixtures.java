package dev.trainax.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made safetensors files for tests. */
final class SafetensorsFixtures {

    private SafetensorsFixtures() {
    }

    /** The 8-byte length of {@code header} (UTF-8), the header, then {@code data}. */
    static Path write(Path file, String header, byte[] data) {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        return write(file, bytes.length, bytes, data);
    }

    /** {@code headerLength} as the length field (whatever the header's real length), the header, the data. */
    static Path write(Path file, long headerLength, byte[] header, byte[] data) {
        ByteBuffer all = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        all.putLong(headerLength).put(header).put(data);
        return bytes(file, all.array());
    }

    /** A file of exactly {@code bytes}. */
    static Path bytes(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
