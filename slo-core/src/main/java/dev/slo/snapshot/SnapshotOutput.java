package dev.slo.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Writes a snapshot's framing to a stream: the magic and the format version, then sections (tag, length,
 * payload, CRC-32 of all three), then the end section. Does not close or flush the stream.
 */
public final class SnapshotOutput {
    /** The first bytes of every snapshot: a non-ASCII byte, "SLO", CR LF, ^Z, LF (as PNG's, to catch text-mode damage). */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'L', 'O', '\r', '\n', 0x1A, '\n'};
    /** The tag of the section that ends a snapshot (empty payload). */
    public static final int END = 0;
    /** The largest section payload written or read: 256 MiB. */
    public static final int MAX_SECTION_BYTES = 1 << 28;

    private final OutputStream out;

    private SnapshotOutput(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the magic and {@code version}, and returns the writer of the sections that follow.
     *
     * @param out     where to write
     * @param version the format version, from 1
     * @return the writer
     * @throws IOException if the stream fails
     */
    public static SnapshotOutput start(OutputStream out, int version) throws IOException {
        out.write(MAGIC);
        out.write(new SectionWriter().varint(version).toByteArray());
        return new SnapshotOutput(out);
    }

    /**
     * Writes one section.
     *
     * @param tag     from 1 to 127 (0 is the end)
     * @param payload its contents
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if the tag is out of range or the payload is over {@link #MAX_SECTION_BYTES}
     */
    public void section(int tag, SectionWriter payload) throws IOException {
        if (tag < 1 || tag > 127) {
            throw new IllegalArgumentException("tag must be in [1, 127], got " + tag);
        }
        frame(tag, payload.toByteArray());
    }

    /** Writes the end section. @throws IOException if the stream fails */
    public void end() throws IOException {
        frame(END, new byte[0]);
    }

    private void frame(int tag, byte[] payload) throws IOException {
        if (payload.length > MAX_SECTION_BYTES) {
            throw new IllegalArgumentException("a section holds at most " + MAX_SECTION_BYTES + " bytes, got " + payload.length);
        }
        byte[] length = new SectionWriter().varint(payload.length).toByteArray();
        CRC32 crc = new CRC32();
        crc.update(tag);
        crc.update(length);
        crc.update(payload);
        out.write(tag);
        out.write(length);
        out.write(payload);
        int value = (int) crc.getValue();
        out.write(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }
}
