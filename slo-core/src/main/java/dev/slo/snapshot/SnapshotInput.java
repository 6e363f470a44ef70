package dev.slo.snapshot;

import dev.slo.SnapshotFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a snapshot's framing from a stream: checks the magic and the version, then hands out one checked
 * section at a time until the end section. Every flaw is a {@link SnapshotFormatException} naming the byte
 * offset; a declared length is read in chunks, so memory stays bounded by what the stream really holds.
 */
public final class SnapshotInput {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int version;
    private long offset;
    private boolean ended;

    private SnapshotInput(InputStream in, int version, long offset) {
        this.in = in;
        this.version = version;
        this.offset = offset;
    }

    /**
     * Checks the magic and reads the version, which must be from 1 to {@code newestVersion}.
     *
     * @param in            the stream, read no further than the end section
     * @param newestVersion the newest format version the caller reads
     * @return the reader of the sections
     * @throws SnapshotFormatException if the stream does not start as a snapshot, or its version is newer
     * @throws IOException if the stream fails
     */
    public static SnapshotInput open(InputStream in, int newestVersion) throws IOException {
        byte[] magic = new byte[SnapshotOutput.MAGIC.length];
        int read = in.readNBytes(magic, 0, magic.length);
        if (read < magic.length || !Arrays.equals(magic, SnapshotOutput.MAGIC)) {
            throw new SnapshotFormatException(read < magic.length && Arrays.equals(Arrays.copyOf(magic, read), Arrays.copyOf(SnapshotOutput.MAGIC, read))
                    ? "truncated: " + read + " bytes, fewer than a snapshot's magic"
                    : "not a snapshot: the first bytes are not the snapshot magic");
        }
        long offset = magic.length;
        long version = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new SnapshotFormatException("truncated at byte " + (offset + shift / 7) + ": the format version is missing");
            }
            if (shift > 28) {
                throw new SnapshotFormatException("byte " + offset + ": the format version is not a small number");
            }
            version |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                offset += shift / 7 + 1;
                break;
            }
        }
        if (version < 1 || version > newestVersion) {
            throw new SnapshotFormatException("format version " + version + (version < 1 ? " does not exist" : " is newer than this library reads ("
                    + newestVersion + "): read it with a newer slo-core"));
        }
        return new SnapshotInput(in, (int) version, offset);
    }

    /** {@return the format version read} */
    public int version() {
        return version;
    }

    /**
     * Reads the next section and checks its CRC-32.
     *
     * @return the section's reader, or null at the end section
     * @throws SnapshotFormatException if the stream ends early or the section is corrupt
     * @throws IOException if the stream fails
     */
    public SectionReader next() throws IOException {
        if (ended) {
            return null;
        }
        long start = offset;
        int tag = readByte("a section's tag");
        if (tag > 127) {
            throw new SnapshotFormatException("byte " + start + ": " + tag + " is not a section tag");
        }
        CRC32 crc = new CRC32();
        crc.update(tag);
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = readByte("a section's length");
            crc.update(b);
            if (shift > 28) {
                throw new SnapshotFormatException("byte " + (offset - 1) + ": section " + tag + " declares an impossible length");
            }
            length |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (length > SnapshotOutput.MAX_SECTION_BYTES) {
            throw new SnapshotFormatException("byte " + start + ": section " + tag + " declares " + length
                    + " bytes, more than the " + SnapshotOutput.MAX_SECTION_BYTES + " a section may hold");
        }
        long payloadOffset = offset;
        byte[] payload = readFully((int) length, tag);
        crc.update(payload);
        long expected = 0;
        for (int i = 0; i < 4; i++) {
            expected = (expected << 8) | readByte("section " + tag + "'s checksum");
        }
        if (expected != crc.getValue()) {
            throw new SnapshotFormatException("byte " + start + ": section " + tag + " is corrupt (its CRC-32 does not match)");
        }
        if (tag == SnapshotOutput.END) {
            if (length != 0) {
                throw new SnapshotFormatException("byte " + start + ": the end section is not empty");
            }
            ended = true;
            return null;
        }
        return new SectionReader(tag, payload, payloadOffset);
    }

    /** Reads {@code length} bytes in chunks: a length the stream does not hold fails at its end, having allocated only what it held. */
    private byte[] readFully(int length, int tag) throws IOException {
        byte[] bytes = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(length, 2 * bytes.length));
            }
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                throw new SnapshotFormatException("truncated at byte " + (offset + filled) + ": section " + tag + " declares "
                        + length + " bytes, the input ends after " + filled);
            }
            filled += n;
        }
        offset += length;
        return bytes;
    }

    private int readByte(String what) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new SnapshotFormatException("truncated at byte " + offset + ": " + what + " is missing", new EOFException());
        }
        offset++;
        return b;
    }
}
