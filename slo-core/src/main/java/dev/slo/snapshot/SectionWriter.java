package dev.slo.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the payload of one section in memory: unsigned varints, zigzag varints for signed values,
 * length-prefixed bytes and UTF-8 strings. {@link SnapshotOutput#section} then frames it.
 */
public final class SectionWriter {
    private byte[] bytes = new byte[64];
    private int size;

    /** Writes {@code value}, at least 0, as an unsigned LEB128 varint (1 to 10 bytes). */
    public SectionWriter varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0 for an unsigned varint, got " + value);
        }
        return unsigned(value);
    }

    /** Writes any {@code value} zigzag-encoded, so small magnitudes of either sign stay short. */
    public SectionWriter zigzag(long value) {
        return unsigned((value << 1) ^ (value >> 63));
    }

    /** Writes {@code value}'s length, then its bytes. */
    public SectionWriter bytes(byte[] value) {
        varint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** Writes {@code value} as length-prefixed UTF-8. */
    public SectionWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a double exactly: its IEEE bits reversed, as a varint (short for round values such as 1.0 or 0.5). */
    public SectionWriter exactDouble(double value) {
        return unsigned(Long.reverse(Double.doubleToLongBits(value)));
    }

    /** {@return the payload written so far} */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private SectionWriter unsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
        return this;
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
        }
    }
}
