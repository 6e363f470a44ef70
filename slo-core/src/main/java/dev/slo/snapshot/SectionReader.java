package dev.slo.snapshot;

import dev.slo.SnapshotFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the payload of one section, whose checksum has passed: every read checks that the bytes are
 * there and well formed, and fails with {@link SnapshotFormatException} naming the section and the
 * offset otherwise.
 */
public final class SectionReader {
    private final int tag;
    private final byte[] bytes;
    /** Where the payload starts in the whole input, for messages. */
    private final long baseOffset;
    private int at;

    SectionReader(int tag, byte[] bytes, long baseOffset) {
        this.tag = tag;
        this.bytes = bytes;
        this.baseOffset = baseOffset;
    }

    /** {@return the section's tag} */
    public int tag() {
        return tag;
    }

    /** {@return an unsigned varint, at most {@code max}} @param max the largest value allowed @param what names the value in a message */
    public long varint(long max, String what) throws SnapshotFormatException {
        long start = at;
        long value = unsigned(what);
        if (value < 0 || value > max) {
            throw error(what + " must be in [0, " + max + "], got " + Long.toUnsignedString(value), start);
        }
        return value;
    }

    /** {@return a zigzag varint} @param what names the value in a message */
    public long zigzag(String what) throws SnapshotFormatException {
        long raw = unsigned(what);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** {@return a double written by {@link SectionWriter#exactDouble}} @param what names the value in a message */
    public double exactDouble(String what) throws SnapshotFormatException {
        return Double.longBitsToDouble(Long.reverse(unsigned(what)));
    }

    /** {@return length-prefixed bytes, at most {@code maxLength} of them} @param maxLength the most allowed @param what names them */
    public byte[] bytes(int maxLength, String what) throws SnapshotFormatException {
        long start = at;
        int length = (int) varint(maxLength, what + " length");
        if (length > bytes.length - at) {
            throw error(what + " of " + length + " bytes runs past the end of its section", start);
        }
        byte[] value = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return value;
    }

    /** {@return a length-prefixed UTF-8 string of at most {@code maxBytes} bytes} @param maxBytes the most allowed @param what names it */
    public String string(int maxBytes, String what) throws SnapshotFormatException {
        long start = at;
        byte[] utf8 = bytes(maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw error(what + " is not valid UTF-8", start);
        }
    }

    /** {@return how many bytes of the payload are left: a bound on how many values can still be read} */
    public int remaining() {
        return bytes.length - at;
    }

    /** Checks that the whole payload was read: a section longer than its reader expects is not this format. */
    public void expectEnd() throws SnapshotFormatException {
        if (at != bytes.length) {
            throw error((bytes.length - at) + " bytes left unread at the end of the section", at);
        }
    }

    /** {@return a SnapshotFormatException naming this section and the current offset} @param message what is wrong */
    public SnapshotFormatException error(String message) {
        return error(message, at);
    }

    /** {@return a SnapshotFormatException naming this section and the offset} @param message what is wrong @param offset in the payload */
    public SnapshotFormatException error(String message, long offset) {
        return new SnapshotFormatException("section " + tag + " at byte " + (baseOffset + offset) + ": " + message);
    }

    private long unsigned(String what) throws SnapshotFormatException {
        long start = at;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.length) {
                throw error(what + " runs past the end of its section", start);
            }
            byte b = bytes[at++];
            if (shift == 63 && (b & 0x7E) != 0) {
                throw error(what + " is a varint of more than 64 bits", start);
            }
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw error(what + " is a varint longer than 10 bytes", start);
    }
}
