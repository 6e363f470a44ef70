package dev.slo.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slo.ManualClock;
import dev.slo.SnapshotFormatException;
import dev.slo.engine.EventRecorder;
import dev.slo.engine.RecorderCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A recorder's counts in a section: written and read back exactly, compact, and any damage refused cleanly. */
final class CountsCodecProperties {
    private static final Instant START = Instant.parse("2026-01-31T12:00:00Z");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    record Batch(long stepMillis, int good, int bad) {}

    @Provide
    Arbitrary<List<Batch>> batches() {
        Arbitrary<Long> step = Arbitraries.oneOf(Arbitraries.longs().between(0, 20_000),
                Arbitraries.longs().between(0, 3_600_000), Arbitraries.longs().between(0, 2 * 86_400_000L));
        return Combinators.combine(step, Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 4))
                .as(Batch::new).list().ofMaxSize(40);
    }

    /** A recorder (latency-keeping when asked, tracking Kolkata months) that saw {@code batches}; returns its copy. */
    private static RecorderCounts played(List<Batch> batches, boolean latency) {
        ManualClock clock = ManualClock.at(START);
        EventRecorder recorder = latency ? EventRecorder.keepingLatency(clock, Duration.ofDays(30), 2_000_000_000L)
                : new EventRecorder(clock, Duration.ofDays(30));
        recorder.trackPeriodStarts(t -> Instant.ofEpochMilli(t).atZone(KOLKATA).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(KOLKATA).toInstant().toEpochMilli());
        long now = START.toEpochMilli();
        SplittableRandom random = new SplittableRandom(batches.size());
        for (Batch b : batches) {
            now += b.stepMillis();
            clock.set(Instant.ofEpochMilli(now));
            if (latency) {
                for (int i = 0; i < b.good() + b.bad(); i++) {
                    recorder.recordLatency(i < b.good(), random.nextLong(1, 1L << 34), now);
                }
            } else {
                recorder.recordCounts(b.good(), b.bad(), now);
            }
        }
        return recorder.counts(now);
    }

    private static byte[] payload(RecorderCounts counts) {
        SectionWriter writer = new SectionWriter();
        CountsCodec.write(counts, writer);
        return writer.toByteArray();
    }

    private static RecorderCounts throughAStream(RecorderCounts counts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotOutput out = SnapshotOutput.start(bytes, 1);
        SectionWriter writer = new SectionWriter();
        CountsCodec.write(counts, writer);
        out.section(3, writer);
        out.end();
        SnapshotInput in = SnapshotInput.open(new ByteArrayInputStream(bytes.toByteArray()), 1);
        SectionReader section = in.next();
        RecorderCounts read = CountsCodec.read(section);
        section.expectEnd();
        return read;
    }

    @Property(tries = 200)
    void countsReadBackExactly(@ForAll("batches") List<Batch> batches, @ForAll boolean latency) throws IOException {
        RecorderCounts counts = played(batches, latency);
        assertEquals(counts, throughAStream(counts));
    }

    /** Damage past the checksum (as if the CRC had collided): the decoder refuses it or reads some counts, never throws otherwise. */
    @Property(tries = 300)
    void damagedPayloadsNeverThrowAnythingElse(@ForAll("batches") List<Batch> batches, @ForAll boolean latency,
            @ForAll long where, @ForAll byte xor) {
        byte[] payload = payload(played(batches, latency));
        int at = (int) Math.floorMod(where, (long) payload.length);
        payload[at] ^= xor == 0 ? 1 : xor;
        decodeOrRefuse(payload);
        decodeOrRefuse(java.util.Arrays.copyOf(payload, at));
    }

    @Property(tries = 10_000)
    void randomPayloadsNeverThrowAnythingElse(@ForAll @Size(max = 300) byte[] payload) {
        decodeOrRefuse(payload);
    }

    private static void decodeOrRefuse(byte[] payload) {
        try {
            CountsCodec.read(new SectionReader(3, payload, 0));
        } catch (SnapshotFormatException expected) {
            // refused: the only failure allowed
        } catch (RuntimeException | OutOfMemoryError e) {
            fail("decoding threw " + e, e);
        }
    }

    /** The aim: a 30-day ratio SLO with steady traffic (1,000 events a minute, 0.1% bad) in under 8 KB. */
    @Test
    void aThirtyDayRatioSloIsUnderEightKilobytes() throws IOException {
        ManualClock clock = ManualClock.at(START);
        EventRecorder recorder = new EventRecorder(clock, Duration.ofDays(30));
        SplittableRandom random = new SplittableRandom(7);
        long now = START.toEpochMilli();
        for (int minute = 0; minute < 31 * 24 * 60; minute++) {
            now += 60_000;
            clock.set(Instant.ofEpochMilli(now));
            int bad = random.nextInt(100) < 10 ? random.nextInt(1, 20) : 0;
            recorder.recordCounts(990 + random.nextInt(20) - bad, bad, now);
        }
        RecorderCounts counts = recorder.counts(now);
        int bytes = payload(counts).length;
        assertTrue(bytes < 8 * 1024, "a 30-day ratio SLO's counts take " + bytes + " bytes");
        assertEquals(counts, throughAStream(counts));
    }
}
