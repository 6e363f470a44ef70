package dev.slo.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.SnapshotFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The snapshot framing: what is written reads back exactly, and any damage (truncation, flipped bits,
 * random or foreign bytes, a newer version, an impossible length) is a SnapshotFormatException and nothing else.
 */
final class FramingProperties {
    private static final int VERSION = 1;

    /** One value of a section: its kind (0 varint, 1 zigzag, 2 double, 3 string, 4 bytes) and the value. */
    record Value(int kind, long number, double real, String text, byte[] raw) {}

    record Section(int tag, List<Value> values) {}

    @Provide
    Arbitrary<List<Section>> snapshots() {
        Arbitrary<Value> value = Arbitraries.oneOf(
                Arbitraries.longs().greaterOrEqual(0).map(n -> new Value(0, n, 0, null, null)),
                Arbitraries.longs().map(n -> new Value(1, n, 0, null, null)),
                Arbitraries.doubles().map(d -> new Value(2, 0, d, null, null)),
                Arbitraries.of(0.999, 1.0, 0.5, Double.NaN, -0.0, Double.MAX_VALUE).map(d -> new Value(2, 0, d, null, null)),
                Arbitraries.strings().ofMaxLength(40).map(s -> new Value(3, 0, 0, s, null)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(50).map(b -> new Value(4, 0, 0, null, b)));
        Arbitrary<Section> section = Combinators.combine(Arbitraries.integers().between(1, 127), value.list().ofMaxSize(12))
                .as(Section::new);
        return section.list().ofMaxSize(6);
    }

    private static byte[] write(List<Section> sections) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput out = SnapshotOutput.start(bytes, VERSION);
        for (Section section : sections) {
            SectionWriter payload = new SectionWriter();
            for (Value v : section.values()) {
                switch (v.kind()) {
                    case 0 -> payload.varint(v.number());
                    case 1 -> payload.zigzag(v.number());
                    case 2 -> payload.exactDouble(v.real());
                    case 3 -> payload.string(v.text());
                    default -> payload.bytes(v.raw());
                }
            }
            out.section(section.tag(), payload);
        }
        out.end();
        return bytes.toByteArray();
    }

    /** Reads every section to the end, checking each value against {@code expected} when given. */
    private static void readAll(InputStream in, List<Section> expected) throws IOException {
        SnapshotInput input = SnapshotInput.open(in, VERSION);
        for (int i = 0; ; i++) {
            SectionReader reader = input.next();
            if (reader == null) {
                if (expected != null) {
                    assertEquals(expected.size(), i, "sections");
                }
                return;
            }
            List<Value> values = expected == null ? List.of() : expected.get(i).values();
            if (expected != null) {
                assertEquals(expected.get(i).tag(), reader.tag());
            }
            for (Value v : values) {
                switch (v.kind()) {
                    case 0 -> assertEquals(v.number(), reader.varint(Long.MAX_VALUE, "n"));
                    case 1 -> assertEquals(v.number(), reader.zigzag("z"));
                    case 2 -> assertEquals(Double.doubleToRawLongBits(v.real()), Double.doubleToRawLongBits(reader.exactDouble("d")));
                    case 3 -> assertEquals(v.text(), reader.string(1 << 20, "s"));
                    default -> assertArrayEquals(v.raw(), reader.bytes(1 << 20, "b"));
                }
            }
            reader.expectEnd();
        }
    }

    /** Reads {@code bytes} as a snapshot to its end: it must fail, and only with SnapshotFormatException. */
    private static void assertRefused(byte[] bytes) {
        assertThrows(SnapshotFormatException.class, () -> readAll(new ByteArrayInputStream(bytes), null));
    }

    @Property(tries = 300)
    void whatIsWrittenReadsBackExactly(@ForAll("snapshots") List<Section> sections) throws IOException {
        readAll(new ByteArrayInputStream(write(sections)), sections);
    }

    @Property(tries = 100)
    void everyTruncationIsRefused(@ForAll("snapshots") List<Section> sections) throws IOException {
        byte[] whole = write(sections);
        for (int length = 0; length < whole.length; length++) {
            assertRefused(Arrays.copyOf(whole, length));
        }
    }

    @Property(tries = 100)
    void everySingleBitFlipIsRefused(@ForAll("snapshots") List<Section> sections) throws IOException {
        byte[] whole = write(sections);
        for (int bit = 0; bit < 8 * whole.length; bit++) {
            byte[] damaged = whole.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRefused(damaged);
        }
    }

    @Property(tries = 2_000)
    void doubleBitFlipsAreRefused(@ForAll("snapshots") List<Section> sections, @ForAll long first, @ForAll long second)
            throws IOException {
        byte[] whole = write(sections);
        int a = (int) Math.floorMod(first, 8L * whole.length);
        int b = (int) Math.floorMod(second, 8L * whole.length);
        if (a == b) {
            return;
        }
        byte[] damaged = whole.clone();
        damaged[a / 8] ^= (byte) (1 << (a % 8));
        damaged[b / 8] ^= (byte) (1 << (b % 8));
        assertRefused(damaged);
    }

    @Property(tries = 10_000)
    void randomBytesAreRefused(@ForAll @Size(max = 200) byte[] bytes) {
        assertRefused(bytes);
    }

    /** Random bytes after a valid start reach the section parser: still only SnapshotFormatException. */
    @Property(tries = 10_000)
    void randomSectionsAreRefused(@ForAll @Size(max = 200) byte[] bytes) {
        byte[] start = Arrays.copyOf(SnapshotOutput.MAGIC, SnapshotOutput.MAGIC.length + 1);
        start[SnapshotOutput.MAGIC.length] = VERSION;
        byte[] whole = Arrays.copyOf(start, start.length + bytes.length);
        System.arraycopy(bytes, 0, whole, start.length, bytes.length);
        assertRefused(whole);
    }

    @Property(tries = 20)
    void aNewerVersionIsRefusedByName(@ForAll @IntRange(min = 2, max = 100_000) int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput.start(bytes, version).end();
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                () -> readAll(new ByteArrayInputStream(bytes.toByteArray()), null));
        assertTrue(e.getMessage().contains("format version " + version + " is newer than this library reads (1)"), e.getMessage());
    }

    /**
     * A section that declares the most a section may hold, on a stream that ends soon after: refused at the
     * stream's end, having read (and held) only what the stream held, not 256 MiB.
     */
    @Test
    void aHugeDeclaredLengthOnAShortStreamIsRefusedAtItsEnd() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(SnapshotOutput.MAGIC);
        head.write(VERSION);
        head.write(5);                                                     // tag
        head.write(new SectionWriter().varint(SnapshotOutput.MAX_SECTION_BYTES).toByteArray());
        CountingStream in = new CountingStream(new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()),
                new ByteArrayInputStream(new byte[1000])));
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> readAll(in, null));
        assertTrue(e.getMessage().contains("declares " + SnapshotOutput.MAX_SECTION_BYTES + " bytes, the input ends after 1000"),
                e.getMessage());
        assertTrue(in.largestRead <= 1 << 16, "read in chunks of at most 64 KiB, asked for " + in.largestRead);
        byte[] over = head.toByteArray();
        byte[] tooLong = new SectionWriter().varint(SnapshotOutput.MAX_SECTION_BYTES + 1L).toByteArray();
        byte[] lying = Arrays.copyOf(over, SnapshotOutput.MAGIC.length + 2 + tooLong.length);
        System.arraycopy(tooLong, 0, lying, SnapshotOutput.MAGIC.length + 2, tooLong.length);
        SnapshotFormatException over256 = assertThrows(SnapshotFormatException.class, () -> readAll(new ByteArrayInputStream(lying), null));
        assertTrue(over256.getMessage().contains("more than the " + SnapshotOutput.MAX_SECTION_BYTES), over256.getMessage());
    }

    @Test
    void aForeignFileIsNamedAsSuch() {
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                () -> readAll(new ByteArrayInputStream("{\"json\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        assertTrue(e.getMessage().contains("not a snapshot"), e.getMessage());
    }

    @Test
    void sectionReadsAreChecked() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput out = SnapshotOutput.start(bytes, VERSION);
        out.section(9, new SectionWriter().varint(500).bytes(new byte[] {(byte) 0xC3, 0x28}).varint(7));
        out.end();
        SnapshotInput input = SnapshotInput.open(new ByteArrayInputStream(bytes.toByteArray()), VERSION);
        SectionReader reader = input.next();
        SnapshotFormatException big = assertThrows(SnapshotFormatException.class, () -> reader.varint(100, "bucket count"));
        assertTrue(big.getMessage().contains("bucket count must be in [0, 100], got 500"), big.getMessage());
        SnapshotFormatException utf8 = assertThrows(SnapshotFormatException.class, () -> reader.string(10, "name"));
        assertTrue(utf8.getMessage().contains("name is not valid UTF-8"), utf8.getMessage());
        SnapshotFormatException left = assertThrows(SnapshotFormatException.class, reader::expectEnd);
        assertTrue(left.getMessage().contains("1 bytes left unread"), left.getMessage());
        assertNull(input.next());
        List<Section> none = new ArrayList<>();
        readAll(new ByteArrayInputStream(write(none)), none);
    }

    /** Remembers the largest read a caller asked of it. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        int largestRead;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            largestRead = Math.max(largestRead, len);
            return in.read(b, off, len);
        }
    }
}
