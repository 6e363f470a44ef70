package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slo.snapshot.SectionWriter;
import dev.slo.snapshot.SnapshotOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;

/**
 * The snapshot decoder ({@link Snapshot#readFrom}) under 100,000 generated inputs: random bytes, every
 * kind of truncation, bit flips, huge declared lengths and counts (inside sections whose CRC-32 is valid,
 * so the decoder must check them against what remains), re-checksummed damage, and newer format versions.
 * Each input reads back as the snapshot written (only when unmodified) or is refused with
 * {@link SnapshotFormatException}, never another exception, and the decoder allocates in proportion to
 * the input, not to what it declares. Also: a restore refused part-way changes nothing.
 */
final class SnapshotDecoderProperties {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /** What the decoder may allocate beyond {@link #BYTES_PER_INPUT_BYTE} per byte of input: chunk buffers, latency scratch. */
    private static final long ALLOCATION_ALLOWANCE = 1 << 20;
    private static final long BYTES_PER_INPUT_BYTE = 64;
    /** The JDK's count of the bytes this thread allocated (com.sun.management, through reflection: the module reads only java.base). */
    private static final AllocationCounter ALLOCATED = AllocationCounter.find();
    /** The snapshot's tags (SnapshotCodec): the header, then one section per SLO. */
    private static final int HEADER = 1;
    private static final int SLO = 2;
    /** Magic (8 bytes) and version 1 (one byte): where the first section starts. */
    private static final int FIRST_SECTION = 9;

    /** Small valid snapshots of seeded traffic: an SLO of each state part (exclusion, latency, slices, runs in flight). */
    private static final List<byte[]> POOL = pool();
    private static final List<Snapshot> POOL_SNAPSHOTS = POOL.stream().map(SnapshotDecoderProperties::readValid).toList();

    // ---------------------------------------------------------------- the registries

    /** Four small SLOs whose states hold every part a snapshot has: excluded events, a latency distribution, slices, runs. */
    static void defineSmall(SloRegistry slos) {
        for (int i = 0; i < 4; i++) {
            defineSmall(slos, i);
        }
    }

    /** Defines the {@code which}-th of the four: "api", "api-latency", "etl" or "search-slices". */
    static void defineSmall(SloRegistry slos, int which) {
        Window days30 = Window.rolling(Duration.ofDays(30));
        Window day = Window.rolling(Duration.ofDays(1));
        switch (which) {
            case 0 -> slos.define("api").internal("test api").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99).window(days30)
                    .exclude(Exclusion.once(START.plus(Duration.ofMinutes(30)), Duration.ofMinutes(20), "migration")).register();
            case 1 -> slos.define("api-latency").internal("test latency").ownedBy(Owner.team("t"))
                    .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(day).register();
            case 2 -> slos.define("etl").internal("test etl").ownedBy(Owner.team("t")).sli(Sli.deadline(Duration.ofMinutes(30)))
                    .target(0.99).window(day).register();
            default -> slos.define("search-slices").internal("test slices").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                    .window(day).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).register();
        }
    }

    /** A registry of the {@code which}-th small SLO after {@code steps} steps of seeded traffic (a run in flight for "etl"). */
    static SloRegistry small(long seed, int steps, int which) {
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        defineSmall(slos, which);
        Slo slo = slos.all().get(0);
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < steps; step++) {
            clock.advance(Duration.ofMillis(1 + random.nextLong(60_000)));
            switch (which) {
                case 1 -> slo.record(random.nextInt(50) != 0, Duration.ofMillis(random.nextLong(600)));
                case 2 -> {
                    JobRun run = slo.startRun();
                    if (random.nextInt(4) != 0) {
                        run.complete();
                    }
                }
                default -> slo.record(random.nextInt(20) != 0);
            }
        }
        clock.advance(Duration.ofSeconds(1 + random.nextInt(30)));
        return slos;
    }

    /** Two of each small SLO, of one SLO each: 1.5 to 5 KB, so that every prefix and every bit flip of one is quick to try. */
    private static List<byte[]> pool() {
        List<byte[]> pool = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            pool.add(SnapshotScenario.bytes(small(seed, 50 + 10 * seed, seed % 4).snapshot()));
        }
        return List.copyOf(pool);
    }

    private static Snapshot readValid(byte[] bytes) {
        try {
            return SnapshotScenario.read(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the decoder's contract

    /**
     * Decodes {@code bytes}: returns the snapshot, or null when refused with SnapshotFormatException; fails
     * on any other throwable, and when decoding allocated more than the allowance plus a fixed multiple of
     * the input's length.
     */
    private static Snapshot decode(byte[] bytes) {
        Object outcome = outcome(bytes);
        return outcome instanceof Snapshot s ? s : null;
    }

    /** Decodes {@code bytes} and asserts the refusal; returns its message. */
    private static String refused(byte[] bytes) {
        Object outcome = outcome(bytes);
        if (outcome instanceof Snapshot read) {
            fail("damaged bytes must be refused, but read " + read + ": " + hex(bytes));
        }
        return (String) outcome;
    }

    /** The snapshot read, or the message of the SnapshotFormatException refusing it; fails on anything else. */
    private static Object outcome(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        long before = ALLOCATED.now();
        Object outcome = null;
        try {
            outcome = Snapshot.readFrom(in);
        } catch (SnapshotFormatException refused) {
            outcome = refused.getMessage();
            assertNotNull(outcome, "a refusal says what is wrong");
        } catch (Throwable e) {                          // OutOfMemoryError and every RuntimeException included
            fail("decoding " + bytes.length + " bytes threw " + e + " instead of SnapshotFormatException: " + hex(bytes), e);
        }
        long allocated = ALLOCATED.now() - before;
        long bound = ALLOCATION_ALLOWANCE + BYTES_PER_INPUT_BYTE * bytes.length;
        assertTrue(allocated <= bound, "decoding " + bytes.length + " bytes allocated " + allocated + " bytes, more than " + bound);
        return outcome;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 400); i++) {
            out.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return bytes.length > 400 ? out + "..." : out.toString();
    }

    /** Reads the current thread's allocated bytes, as {@code com.sun.management.ThreadMXBean} counts them. */
    private record AllocationCounter(Object bean, Method method) {
        static AllocationCounter find() {
            try {
                Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                Method method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
                return new AllocationCounter(bean, method);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new AssertionError("this JVM does not count allocated bytes: the memory bound cannot be checked", e);
            }
        }

        long now() {
            try {
                long bytes = (long) method.invoke(bean);
                assertTrue(bytes >= 0, "allocation counting is off");
                return bytes;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The bound is not vacuous: allocating 4 MiB shows. */
    @Test
    void allocationIsCounted() {
        long before = ALLOCATED.now();
        byte[] big = new byte[4 << 20];
        long allocated = ALLOCATED.now() - before;
        assertTrue(allocated >= big.length && allocated < 2 * big.length, "4 MiB counted as " + allocated);
    }

    @Test
    void thePoolReadsBackEqualAndTheAllocationBoundHoldsForIt() {
        for (int i = 0; i < POOL.size(); i++) {
            Snapshot read = decode(POOL.get(i));
            assertEquals(POOL_SNAPSHOTS.get(i), read, "the unmodified bytes read back as the snapshot written");
            assertEquals(List.of(List.of("api", "api-latency", "etl", "search-slices").get(i % 4)), read.names());
            assertTrue(POOL.get(i).length < 8192, "a small snapshot takes " + POOL.get(i).length + " bytes");
        }
        assertTrue(POOL_SNAPSHOTS.get(2).states().get(0).runs().length > 0, "runs in flight");
        assertTrue(POOL_SNAPSHOTS.get(4).states().get(0).excluded().tiers().get(0).size() > 0, "excluded events");
        assertTrue(POOL_SNAPSHOTS.get(5).states().get(0).events().latency() != null, "a latency distribution");
        assertTrue(POOL_SNAPSHOTS.get(7).states().get(0).slices() != null, "slices");
    }

    // ---------------------------------------------------------------- 1. random bytes: 25,000

    @Provide
    Arbitrary<byte[]> starts() {
        byte[] magicAndVersion = Arrays.copyOf(POOL.get(0), FIRST_SECTION);
        return Arbitraries.of(new byte[0], Arrays.copyOf(magicAndVersion, 8), magicAndVersion);
    }

    /**
     * Random bytes, alone, after the magic (so the version is random) and after magic and version 1 (so the
     * section parser gets them): refused.
     */
    @StatisticsReport(onFailureOnly = true)
    @Property(tries = 25_000)
    void randomBytesAreRefused(@ForAll("starts") byte[] start, @ForAll @Size(max = 300) byte[] random) {
        byte[] bytes = Arrays.copyOf(start, start.length + random.length);
        System.arraycopy(random, 0, bytes, start.length, random.length);
        refused(bytes);
        Statistics.label("start").collect(start.length);
        Statistics.label("start").coverage(c -> {
            c.check(0).percentage(p -> p >= 20);
            c.check(FIRST_SECTION).percentage(p -> p >= 20);
        });
    }

    // ---------------------------------------------------------------- 2. truncations: 20,000

    /** Every prefix of a valid snapshot is refused as truncated. */
    @Property(tries = 20_000)
    void truncationsAreRefused(@ForAll @IntRange(min = 0, max = 7) int which, @ForAll long cut) {
        byte[] whole = POOL.get(which);
        int length = (int) Math.floorMod(cut, (long) whole.length);
        String message = refused(Arrays.copyOf(whole, length));
        assertTrue(message.contains("truncated"), "a prefix of " + length + " bytes of " + whole.length + ": " + message);
    }

    @Test
    void everyPrefixOfASmallSnapshotIsRefusedAsTruncated() {
        byte[] whole = POOL.get(1);
        for (int length = 0; length < whole.length; length++) {
            String message = refused(Arrays.copyOf(whole, length));
            assertTrue(message.contains("truncated"), "a prefix of " + length + " bytes of " + whole.length + ": " + message);
        }
        assertEquals(POOL_SNAPSHOTS.get(1), decode(whole));
    }

    // ---------------------------------------------------------------- 3. bit flips: 20,000

    /** One or two flipped bits anywhere, magic and version included: refused (the CRC-32 catches every 1- and 2-bit error). */
    @Property(tries = 20_000)
    void bitFlipsAreRefused(@ForAll @IntRange(min = 0, max = 7) int which, @ForAll long first, @ForAll long second,
            @ForAll boolean twice) {
        byte[] damaged = POOL.get(which).clone();
        int bits = 8 * damaged.length;
        int a = (int) Math.floorMod(first, (long) bits);
        int b = (int) Math.floorMod(second, (long) bits);
        damaged[a / 8] ^= (byte) (1 << (a % 8));
        if (twice && a != b) {
            damaged[b / 8] ^= (byte) (1 << (b % 8));
        }
        refused(damaged);
    }

    @Test
    void everySingleBitFlipOfASmallSnapshotIsRefused() {
        byte[] whole = POOL.get(0);
        for (int bit = 0; bit < 8 * whole.length; bit++) {
            byte[] damaged = whole.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            String message = refused(damaged);
            if (bit / 8 < 8) {
                assertTrue(message.contains("not a snapshot"), "bit " + bit + " of the magic: " + message);
            } else if (bit / 8 == 8) {
                assertTrue(message.contains("format version"), "bit " + bit + " of the version: " + message);
            }
        }
    }

    // ---------------------------------------------------------------- 4. huge declared lengths and counts, re-checksummed damage: 15,000 + 10,000

    @Provide
    Arbitrary<Long> huge() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1 << 16, 1 << 28), Arbitraries.longs().between(1L << 28, 1L << 35),
                Arbitraries.longs().between(1L << 35, Long.MAX_VALUE),
                Arbitraries.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) SnapshotOutput.MAX_SECTION_BYTES,
                        SnapshotOutput.MAX_SECTION_BYTES + 1L, Long.MAX_VALUE, 0xFFFF_FFFFL));
    }

    /** The places a snapshot declares a count or a size: each case writes a valid SLO section up to it, then the huge value. */
    enum Place { SECTION_LENGTH, SLO_COUNT, NAME_LENGTH, ZONE_LENGTH, TIER_COUNT, BUCKET_COUNT, LATENCY_TIER_COUNT,
        LATENCY_BUCKET_COUNT, LATENCY_BUCKET_LENGTH, LATENCY_OPEN_SLOTS, EXCLUDED_TIER_COUNT, PENDING_SLICES, RUNS }

    /**
     * A huge length or count, in a section whose CRC-32 is valid (so nothing but the decoder's own checks
     * stand between it and an allocation of that size), followed by a few random bytes: refused, having
     * allocated in proportion to the input.
     */
    @StatisticsReport(onFailureOnly = true)
    @Property(tries = 15_000)
    void hugeDeclaredLengthsAndCountsAreRefused(@ForAll Place place, @ForAll("huge") long huge,
            @ForAll @Size(max = 64) byte[] tail) throws IOException {
        byte[] bytes = place == Place.SECTION_LENGTH ? declaringSectionLength(huge, tail) : hugeInside(place, huge, tail);
        String message = refused(bytes);
        if (place == Place.SECTION_LENGTH) {
            assertTrue(message.contains("declares"), message);
        }
        Statistics.label("place").collect(place);
    }

    /** The header section, then a section that declares {@code huge} bytes and holds {@code tail}: a length never believed. */
    private static byte[] declaringSectionLength(long huge, byte[] tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotOutput.start(out, 1).section(HEADER, new SectionWriter().zigzag(START.toEpochMilli()).varint(1));
        out.write(SLO);
        byte[] length = lengthVarint(Math.min(huge, (1L << 35) - 1));   // the framing reads at most five bytes of length
        out.write(length);
        out.write(tail);
        return out.toByteArray();
    }

    private static byte[] lengthVarint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    /** A whole snapshot (valid framing and CRCs) whose one SLO section is valid up to {@code place}, which holds {@code huge}. */
    private static byte[] hugeInside(Place place, long huge, byte[] tail) throws IOException {
        if (place == Place.SLO_COUNT) {
            return snapshotOf(new SectionWriter().zigzag(START.toEpochMilli()).varint(huge), List.of());
        }
        SectionWriter s = new SectionWriter();
        if (place == Place.NAME_LENGTH) {
            s.varint(huge);
        } else {
            s.string("a");
            switch (place) {
                case ZONE_LENGTH -> s.varint(1).varint(2).varint(huge);                     // ratio, calendar month, zone
                case LATENCY_TIER_COUNT, LATENCY_BUCKET_COUNT, LATENCY_BUCKET_LENGTH, LATENCY_OPEN_SLOTS -> {
                    s.varint(2).zigzag(0).varint(300_000_000);                              // latency 300 ms
                    rolling30Occurrences(s);
                    oneTierNoHead(s).varint(1);                                           // a latency distribution follows
                    if (place == Place.LATENCY_TIER_COUNT) {
                        s.varint(huge);
                    } else {
                        s.varint(1).varint(300_000).zigzag(1000);
                        if (place == Place.LATENCY_BUCKET_COUNT) {
                            s.varint(huge);
                        } else if (place == Place.LATENCY_BUCKET_LENGTH) {
                            s.varint(1).varint(huge);
                        } else {
                            s.varint(0).varint(huge);
                        }
                    }
                }
                case TIER_COUNT -> rolling30Occurrences(s.varint(1)).varint(huge);
                case BUCKET_COUNT -> rolling30Occurrences(s.varint(1)).varint(1).varint(10_000).zigzag(1000).varint(huge);
                case EXCLUDED_TIER_COUNT -> oneTierNoLatency(rolling30Occurrences(s.varint(1))).varint(1).varint(huge);
                case PENDING_SLICES -> {
                    s.varint(1).varint(1).zigzag(30L * 86_400).varint(0).varint(3).zigzag(60).varint(0);   // ratio time slices of 1 min
                    oneTierNoLatency(s).varint(0);                                        // no excluded events
                    s.varint(1).varint(60_000).zigzag(1000).varint(1).zigzag(0).varint(0);  // one verdict tier
                    s.varint(huge);
                }
                case RUNS -> {
                    s.varint(6).zigzag(1800).varint(0);                                     // deadline 30 min
                    oneTierNoLatency(rolling30Occurrences(s)).varint(0).varint(huge);
                }
                default -> throw new AssertionError(place);
            }
        }
        for (byte b : tail) {
            s.varint(b & 0x7F);                                                           // one byte each
        }
        return snapshotOf(new SectionWriter().zigzag(START.toEpochMilli()).varint(1), List.of(s));
    }

    private static SectionWriter rolling30Occurrences(SectionWriter s) {
        return s.varint(1).zigzag(30L * 86_400).varint(0).varint(1);
    }

    /** Counts of one tier of one empty 10-second bucket, no head; the latency flag is the caller's. */
    private static SectionWriter oneTierNoHead(SectionWriter s) {
        return s.varint(1).varint(10_000).zigzag(1000).varint(1).zigzag(0).varint(0).varint(0);
    }

    private static SectionWriter oneTierNoLatency(SectionWriter s) {
        return oneTierNoHead(s).varint(0);
    }

    private static byte[] snapshotOf(SectionWriter header, List<SectionWriter> slos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotOutput output = SnapshotOutput.start(out, 1);
        output.section(HEADER, header);
        for (SectionWriter slo : slos) {
            output.section(SLO, slo);
        }
        output.end();
        return out.toByteArray();
    }

    /** The fixed examples of the property above say which count is wrong, and a huge section length on a short stream is refused at its end. */
    @Test
    void hugeCountsAreNamed() throws IOException {
        byte[] tail = new byte[10];
        assertTrue(refused(hugeInside(Place.BUCKET_COUNT, 1L << 40, tail)).contains("bucket count must be in [0, "));
        assertTrue(refused(hugeInside(Place.PENDING_SLICES, 1L << 40, tail)).contains("pending slice count must be in [0, "));
        assertTrue(refused(hugeInside(Place.RUNS, 1L << 40, tail)).contains("runs in flight must be in [0, "));
        assertTrue(refused(hugeInside(Place.LATENCY_BUCKET_COUNT, 1L << 40, tail)).contains("latency bucket count must be in [0, "));
        assertTrue(refused(hugeInside(Place.SLO_COUNT, Integer.MAX_VALUE, tail)).contains("the header promises 2147483647 SLOs"));
        String length = refused(declaringSectionLength(SnapshotOutput.MAX_SECTION_BYTES, new byte[1000]));
        assertTrue(length.contains("declares " + SnapshotOutput.MAX_SECTION_BYTES + " bytes, the input ends after 1000"), length);
        String over = refused(declaringSectionLength(SnapshotOutput.MAX_SECTION_BYTES + 1L, new byte[1000]));
        assertTrue(over.contains("more than the " + SnapshotOutput.MAX_SECTION_BYTES), over);
    }

    /** The valid examples the huge ones are cut from read back: the refusals above are the huge values', not the sections' around them. */
    @Test
    void theSectionsAroundTheHugeValuesAreValid() throws IOException {
        assertEquals(List.of("a"), decode(hugeInsideValid()).names(), "TIER_COUNT's example with one tier");
        assertEquals(List.of("a"), decode(hugeInside(Place.RUNS, 0, new byte[0])).names(), "no runs in flight");
        assertEquals(List.of("a"), decode(hugeInside(Place.PENDING_SLICES, 0, new byte[] {0})).names(), "no slices pending, no runs");
        assertEquals(List.of("a"), decode(hugeInside(Place.LATENCY_OPEN_SLOTS, 0, new byte[] {0, 0})).names(),
                "no open latency slot, no excluded events, no runs");
    }

    /** A ratio SLO of one tier of one bucket: TIER_COUNT's example with a count of 1 and that tier. */
    private static byte[] hugeInsideValid() throws IOException {
        SectionWriter s = oneTierNoLatency(rolling30Occurrences(new SectionWriter().string("a").varint(1))).varint(0).varint(0);
        return snapshotOf(new SectionWriter().zigzag(START.toEpochMilli()).varint(1), List.of(s));
    }

    /**
     * Damage inside a section whose CRC-32 is recomputed (as if it had collided): one to four bytes changed,
     * bytes cut or inserted. The decoder refuses it or reads a snapshot; one it reads writes and reads back
     * the same, merges with itself, and restores into a registry of the same definitions or is refused with
     * IllegalArgumentException or IllegalStateException: nothing else is thrown.
     */
    @StatisticsReport(onFailureOnly = true)
    @Property(tries = 10_000)
    void rechecksummedDamageIsRefusedOrReadsAsASnapshot(@ForAll @IntRange(min = 0, max = 7) int which,
            @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll long where, @ForAll @Size(min = 1, max = 4) byte[] change) {
        List<byte[]> sections = sections(POOL.get(which));
        int section = (int) Math.floorMod(where, (long) sections.size() - 1);    // not the end section
        byte[] payload = sections.get(section);
        int at = payload.length == 0 ? 0 : (int) Math.floorMod(where >>> 8, (long) payload.length);
        byte[] damaged = switch (kind) {
            case 0 -> {
                byte[] d = payload.clone();
                for (int i = 0; i < change.length && at + i < d.length; i++) {
                    d[at + i] ^= change[i] == 0 ? 1 : change[i];
                }
                yield d;
            }
            case 1 -> {
                byte[] d = new byte[Math.max(0, payload.length - change.length)];
                System.arraycopy(payload, 0, d, 0, Math.min(at, d.length));
                if (at + change.length < payload.length) {
                    System.arraycopy(payload, at + change.length, d, at, payload.length - at - change.length);
                }
                yield d;
            }
            default -> {
                byte[] d = new byte[payload.length + change.length];
                System.arraycopy(payload, 0, d, 0, at);
                System.arraycopy(change, 0, d, at, change.length);
                System.arraycopy(payload, at, d, at + change.length, payload.length - at);
                yield d;
            }
        };
        List<byte[]> all = new ArrayList<>(sections);
        all.set(section, damaged);
        byte[] bytes = frame(POOL.get(which), all);
        Snapshot read = decode(bytes);
        Statistics.label("outcome").collect(read == null ? "refused" : "read");
        Statistics.label("outcome").coverage(c -> {             // both branches must be exercised: the checks after a read too
            c.check("read").percentage(p -> p >= 5);
            c.check("refused").percentage(p -> p >= 20);
        });
        if (read == null) {
            return;
        }
        assertEquals(read, readValid(SnapshotScenario.bytes(read)), "a snapshot read writes and reads back the same");
        try {
            Snapshot.merge(List.of(read, read));
        } catch (IllegalArgumentException refusedMerge) {
            // buckets that do not line up: refused with the documented exception
        }
        ManualClock clock = ManualClock.at(START.plus(Duration.ofDays(1)));
        SloRegistry target = SloRegistry.create(clock);
        defineSmall(target);
        try {
            target.restore(read);
        } catch (IllegalArgumentException | IllegalStateException refusedRestore) {
            // a definition or buckets that do not fit: refused with the documented exceptions
        }
    }

    /** The payloads of a snapshot's sections, in order, the end section's (empty) last. */
    private static List<byte[]> sections(byte[] snapshot) {
        List<byte[]> payloads = new ArrayList<>();
        int at = FIRST_SECTION;
        while (true) {
            int tag = snapshot[at++];
            long length = 0;
            for (int shift = 0; ; shift += 7) {
                int b = snapshot[at++] & 0xFF;
                length |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    break;
                }
            }
            payloads.add(Arrays.copyOfRange(snapshot, at, at + (int) length));
            at += (int) length + 4;
            if (tag == 0) {
                return payloads;
            }
        }
    }

    /** The tags of {@code original}'s sections around {@code payloads}, each with its CRC-32 computed here. */
    private static byte[] frame(byte[] original, List<byte[]> payloads) {
        List<Integer> tags = new ArrayList<>();
        int at = FIRST_SECTION;
        for (byte[] payload : sections(original)) {
            tags.add((int) original[at]);
            at += 1 + lengthVarint(payload.length).length + payload.length + 4;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, FIRST_SECTION);
        for (int i = 0; i < payloads.size(); i++) {
            byte[] length = lengthVarint(payloads.get(i).length);
            CRC32 crc = new CRC32();
            crc.update(tags.get(i));
            crc.update(length);
            crc.update(payloads.get(i));
            out.write(tags.get(i));
            out.write(length, 0, length.length);
            out.write(payloads.get(i), 0, payloads.get(i).length);
            long value = crc.getValue();
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    @Test
    void reframingTheUnchangedSectionsGivesTheSameBytes() {
        for (byte[] bytes : POOL) {
            assertTrue(Arrays.equals(bytes, frame(bytes, sections(bytes))), "the test's framing is the format's");
        }
    }

    // ---------------------------------------------------------------- 5. a newer version: 10,000

    /** A valid snapshot but for its version, newer than 1: refused, and the message says so. */
    @Property(tries = 10_000)
    void aNewerVersionIsRefusedAsNewer(@ForAll @IntRange(min = 0, max = 7) int which,
            @ForAll @IntRange(min = 2, max = Integer.MAX_VALUE) int version) throws IOException {
        byte[] valid = POOL.get(which);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotOutput.start(out, version);
        out.write(valid, FIRST_SECTION, valid.length - FIRST_SECTION);
        String message = refused(out.toByteArray());
        assertTrue(message.contains("format version " + version + " is newer than this library reads (1)"), message);
    }

    // ---------------------------------------------------------------- restore never half-applied

    enum Mismatch { WINDOW, SLI_KIND, SLI_PARAMETER, BUDGETING, FROM_THE_FUTURE }

    /**
     * A registry with seeded traffic; a snapshot of three of its SLOs (same names, the first two of the same
     * definitions) whose third must be refused: another definition, or buckets from a later clock. The
     * restore throws IllegalArgumentException naming the third, and the registry's snapshot is as before:
     * the first two, which passed their checks, were not restored either.
     */
    @Property(tries = 25)
    void aRestoreRefusedPartWayChangesNothing(@ForAll long seed, @ForAll Mismatch mismatch) {
        SnapshotScenario r = new SnapshotScenario(SnapshotScenario.START);
        r.traffic(seed, Duration.ofHours(6), true);
        Snapshot other = partlyMismatching(seed, mismatch, r.clock.instant());
        assertEquals(List.of("api", "api-latency", "export-week"), other.names());
        Snapshot before = r.slos.snapshot();

        IllegalArgumentException e = mismatch == Mismatch.FROM_THE_FUTURE     // refused as a whole, before any SLO
                ? Rejections.throwsNaming(IllegalArgumentException.class, () -> r.slos.restore(other), "clock go back")
                : Rejections.throwsNaming(IllegalArgumentException.class, () -> r.slos.restore(other), "\"export-week\"", "definition");

        assertEquals(before, r.slos.snapshot(), "a refused restore changes nothing: " + e.getMessage());
        SnapshotScenario control = new SnapshotScenario(r.clock.instant());   // the same snapshot, but matching, restores whole
        assertEquals(List.of("api", "api-latency", "export-week"),
                control.slos.restore(partlyMismatching(seed, null, r.clock.instant())).restored());
    }

    /**
     * A snapshot of "api", "api-latency" (as in SnapshotScenario) and "export-week", with seeded traffic,
     * taken at {@code now}; "export-week" differs from SnapshotScenario's by {@code mismatch}, or (for
     * FROM_THE_FUTURE) is as there but merged with a snapshot taken an hour after {@code now}; for a null mismatch all three are as there.
     */
    private static Snapshot partlyMismatching(long seed, Mismatch mismatch, Instant now) {
        ManualClock clock = ManualClock.at(now.minus(Duration.ofHours(2)));
        SloRegistry x = SloRegistry.create(clock);
        Window days30 = Window.rolling(Duration.ofDays(30));
        Slo api = x.define("api").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99).window(days30).register();
        Slo latency = x.define("api-latency").internal("x").ownedBy(Owner.team("t")).sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.99).window(days30).register();
        SloBuilder week = x.define("export-week").internal("x").ownedBy(Owner.team("t")).target(0.99)
                .sli(mismatch == Mismatch.SLI_KIND ? Sli.ratio()
                        : mismatch == Mismatch.SLI_PARAMETER ? Sli.latency(Duration.ofMillis(2001)) : Sli.latency(Duration.ofSeconds(2)))
                .window(mismatch == Mismatch.WINDOW ? Window.rolling(Duration.ofDays(7)) : Window.calendarWeek(java.time.ZoneId.of("UTC")));
        if (mismatch == Mismatch.BUDGETING) {
            week.budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1)));
        }
        Slo export = week.register();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(1 + random.nextInt(60)));
            api.record(random.nextInt(10) != 0);
            latency.record(true, Duration.ofMillis(random.nextLong(500)));
            if (mismatch == Mismatch.SLI_KIND) {
                export.record(random.nextInt(10) != 0);
            } else {
                export.record(true, Duration.ofMillis(random.nextLong(3000)));
            }
        }
        clock.set(now);
        Snapshot snapshot = x.snapshot();
        if (mismatch != Mismatch.FROM_THE_FUTURE) {
            return snapshot;
        }
        ManualClock later = ManualClock.at(now.plus(Duration.ofHours(1)));
        SloRegistry y = SloRegistry.create(later);
        Slo ahead = y.define("export-week").internal("y").ownedBy(Owner.team("t")).target(0.99).sli(Sli.latency(Duration.ofSeconds(2)))
                .window(Window.calendarWeek(java.time.ZoneId.of("UTC"))).register();
        ahead.record(true, Duration.ofMillis(100));
        return Snapshot.merge(List.of(snapshot, y.snapshot()));
    }
}
