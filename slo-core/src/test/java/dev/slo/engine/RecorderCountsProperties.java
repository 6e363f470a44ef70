package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slo.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.LongUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Copies of a recorder's counts: a copy added to an empty recorder answers as the original, and the sum
 * of copies answers as one recorder that saw every event; sums are associative and commutative.
 */
final class RecorderCountsProperties {
    /** 2026-01-31T12:00Z: the Kolkata month turns at 18:30Z the same day, inside an hour. */
    private static final long START = Instant.parse("2026-01-31T12:00:00Z").toEpochMilli();
    private static final Duration LONGEST = Duration.ofDays(30);
    /** The latency threshold of the latency recorders: 250 ms. */
    private static final long THRESHOLD = 250_000_000L;
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final LongUnaryOperator MONTH_START = t -> Instant.ofEpochMilli(t).atZone(KOLKATA)
            .withDayOfMonth(1).toLocalDate().atStartOfDay(KOLKATA).toInstant().toEpochMilli();
    private static final long[] LOOK_BACKS = {
        10_000, 300_000, 1_800_000, 3_600_000, 21_600_000, 86_400_000, 3 * 86_400_000L, 30 * 86_400_000L,
    };

    /** One batch of events: after {@code stepMillis}, {@code good} good and {@code bad} bad, into recorder {@code who}. */
    record Batch(long stepMillis, int good, int bad, int who) {}

    @Provide
    Arbitrary<List<Batch>> batches() {
        Arbitrary<Long> step = Arbitraries.oneOf(Arbitraries.longs().between(0, 20_000),
                Arbitraries.longs().between(0, 3_600_000), Arbitraries.longs().between(0, 2 * 86_400_000L));
        return Combinators.combine(step, Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 2)).as(Batch::new).list().ofMaxSize(60);
    }

    private static final class Run {
        final ManualClock clock = ManualClock.at(Instant.ofEpochMilli(START));
        final EventRecorder recorder = new EventRecorder(clock, LONGEST);

        Run() {
            recorder.trackPeriodStarts(MONTH_START);
        }
    }

    /** Plays the batches: into {@code parts[who % parts.length]} and into {@code all}; returns the last clock reading. */
    private static long play(List<Batch> batches, Run all, Run... parts) {
        long now = START;
        for (Batch b : batches) {
            now += b.stepMillis();
            all.clock.set(Instant.ofEpochMilli(now));
            for (Run part : parts) {
                part.clock.set(Instant.ofEpochMilli(now));
            }
            all.recorder.recordCounts(b.good(), b.bad(), now);
            parts[b.who() % parts.length].recorder.recordCounts(b.good(), b.bad(), now);
        }
        return now;
    }

    /** Asserts that {@code b} answers every query as {@code a} does at {@code now}. */
    private static void assertAnswersAlike(EventRecorder a, EventRecorder b, long now) {
        assertArrayEquals(a.lookBacks(now, LOOK_BACKS), b.lookBacks(now, LOOK_BACKS));
        long periodStart = MONTH_START.applyAsLong(now);
        assertEquals(a.since(now, periodStart), b.since(now, periodStart), "since the month began in Kolkata");
        assertEquals(a.buckets(now, 60_000, 21_600_000), b.buckets(now, 60_000, 21_600_000));
        assertEquals(a.buckets(now, 3_600_000, 30 * 86_400_000L), b.buckets(now, 3_600_000, 30 * 86_400_000L));
        assertEquals(a.counts(now), b.counts(now));
    }

    @Property(tries = 200)
    void aCopyAddedToAnEmptyRecorderAnswersAsTheOriginal(@ForAll("batches") List<Batch> batches) {
        Run original = new Run();
        long now = play(batches, original, new Run());
        RecorderCounts copy = original.recorder.counts(now);
        Run restored = new Run();
        restored.clock.set(Instant.ofEpochMilli(now));
        restored.recorder.add(copy, now);
        assertAnswersAlike(original.recorder, restored.recorder, now);
    }

    @Property(tries = 200)
    void theSumOfCopiesAnswersAsOneRecorderThatSawEveryEvent(@ForAll("batches") List<Batch> batches) {
        Run all = new Run();
        Run a = new Run();
        Run b = new Run();
        Run c = new Run();
        long now = play(batches, all, a, b, c);
        RecorderCounts ca = a.recorder.counts(now);
        RecorderCounts cb = b.recorder.counts(now);
        RecorderCounts cc = c.recorder.counts(now);
        RecorderCounts left = RecorderCounts.sum(RecorderCounts.sum(ca, cb), cc);
        assertEquals(left, RecorderCounts.sum(ca, RecorderCounts.sum(cb, cc)), "associative");
        assertEquals(RecorderCounts.sum(ca, cb), RecorderCounts.sum(cb, ca), "commutative");
        assertEquals(all.recorder.counts(now), left);
        Run fleet = new Run();
        fleet.clock.set(Instant.ofEpochMilli(now));
        fleet.recorder.add(left, now);
        assertAnswersAlike(all.recorder, fleet.recorder, now);
    }

    /**
     * Instances whose copies are taken seconds apart still line up bucket by bucket: the sum answers as one
     * recorder that saw every event would at the later copy, when no event fell between the two.
     */
    @Property(tries = 200)
    void copiesTakenSecondsApartLineUp(@ForAll("batches") List<Batch> batches, @ForAll("lag") long lagMillis) {
        Run all = new Run();
        Run a = new Run();
        Run b = new Run();
        long now = play(batches, all, a, b);
        RecorderCounts early = a.recorder.counts(now);
        long later = now + lagMillis;
        all.clock.set(Instant.ofEpochMilli(later));
        RecorderCounts sum = RecorderCounts.sum(early, b.recorder.counts(later));
        assertEquals(all.recorder.counts(later), sum);
    }

    @Provide
    Arbitrary<Long> longLag() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 600_000), Arbitraries.longs().between(0, 2 * 86_400_000L));
    }

    @Provide
    Arbitrary<Long> lag() {
        return Arbitraries.longs().between(0, 30_000);
    }

    @Property(tries = 50)
    void aCopyFromTheFutureIsRefusedAndChangesNothing(@ForAll("batches") List<Batch> batches) {
        Run ahead = new Run();
        long now = play(batches, ahead, new Run());
        ahead.recorder.recordCounts(1, 1, now + 10_000);
        RecorderCounts future = ahead.recorder.counts(now + 10_000);
        Run behind = new Run();
        behind.clock.set(Instant.ofEpochMilli(now));
        behind.recorder.recordCounts(3, 0, now);
        RecorderCounts before = behind.recorder.counts(now);
        assertThrows(IllegalArgumentException.class, () -> behind.recorder.add(future, now));
        assertEquals(before, behind.recorder.counts(now));
    }

    private static final long[] LATENCY_LOOK_BACKS = {300_000, 3_600_000, 86_400_000, 30 * 86_400_000L};

    /** A latency recorder: each batch's events one by one, with latencies drawn from the batch's own seed. */
    private static long playLatencies(List<Batch> batches, EventRecorder all, ManualClock allClock, EventRecorder[] parts,
            ManualClock[] clocks) {
        long now = START;
        for (Batch b : batches) {
            now += b.stepMillis();
            allClock.set(Instant.ofEpochMilli(now));
            for (ManualClock clock : clocks) {
                clock.set(Instant.ofEpochMilli(now));
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(now);
            for (int i = 0; i < b.good() + b.bad(); i++) {
                boolean success = i < b.good();
                long latency = random.nextLong(1, 1L << 36);
                all.recordLatency(success, latency, now);
                parts[b.who() % parts.length].recordLatency(success, latency, now);
            }
        }
        return now;
    }

    @Property(tries = 100)
    void latencyDistributionsCopyAndSumAsTheirEvents(@ForAll("batches") List<Batch> batches, @ForAll("longLag") long lagMillis) {
        ManualClock allClock = ManualClock.at(Instant.ofEpochMilli(START));
        EventRecorder all = EventRecorder.keepingLatency(allClock, LONGEST, THRESHOLD);
        ManualClock[] clocks = {ManualClock.at(Instant.ofEpochMilli(START)), ManualClock.at(Instant.ofEpochMilli(START))};
        EventRecorder[] parts = {EventRecorder.keepingLatency(clocks[0], LONGEST, THRESHOLD), EventRecorder.keepingLatency(clocks[1], LONGEST, THRESHOLD)};
        long copied = playLatencies(batches, all, allClock, parts, clocks);
        long now = copied + lagMillis;                                     // one copy is older: its open buckets are sealed in the sum
        RecorderCounts sum = RecorderCounts.sum(parts[0].counts(copied), parts[1].counts(now));
        assertEquals(all.counts(now), sum);
        EventRecorder fleet = EventRecorder.keepingLatency(ManualClock.at(Instant.ofEpochMilli(now)), LONGEST, THRESHOLD);
        fleet.add(sum, now);
        for (long lookBack : LATENCY_LOOK_BACKS) {
            assertArrayEquals(all.latencyCounts(now, lookBack), fleet.latencyCounts(now, lookBack), "latencies over " + lookBack + " ms");
        }
        assertArrayEquals(all.lookBacks(now, LOOK_BACKS), fleet.lookBacks(now, LOOK_BACKS));
        assertEquals(all.counts(now), fleet.counts(now));
    }

    /** The excluded events' recorder keeps the hourly tier alone: its copies restore and sum as well. */
    @Property(tries = 100)
    void hourlyOnlyCopiesRestoreAndSum(@ForAll("batches") List<Batch> batches) {
        ManualClock[] clocks = {ManualClock.at(Instant.ofEpochMilli(START)), ManualClock.at(Instant.ofEpochMilli(START)),
            ManualClock.at(Instant.ofEpochMilli(START))};
        EventRecorder all = EventRecorder.hourly(clocks[0], LONGEST);
        EventRecorder[] parts = {EventRecorder.hourly(clocks[1], LONGEST), EventRecorder.hourly(clocks[2], LONGEST)};
        long now = START;
        for (Batch b : batches) {
            now += b.stepMillis();
            for (ManualClock clock : clocks) {
                clock.set(Instant.ofEpochMilli(now));
            }
            all.recordCounts(b.good(), b.bad(), now);
            parts[b.who() % 2].recordCounts(b.good(), b.bad(), now);
        }
        RecorderCounts sum = RecorderCounts.sum(parts[0].counts(now), parts[1].counts(now));
        assertEquals(1, sum.tiers().size());
        assertEquals(all.counts(now), sum);
        EventRecorder restored = EventRecorder.hourly(ManualClock.at(Instant.ofEpochMilli(now)), LONGEST);
        restored.add(sum, now);
        long[] lookBacks = {3_600_000, 86_400_000, 30 * 86_400_000L};
        assertArrayEquals(all.lookBacks(now, lookBacks), restored.lookBacks(now, lookBacks));
        long at = now;
        EventRecorder full = new EventRecorder(ManualClock.at(Instant.ofEpochMilli(at)), LONGEST);
        assertThrows(IllegalArgumentException.class, () -> full.add(sum, at), "an hourly copy does not line up with four tiers");
    }

    /** The hand-worked case: a Kolkata month's head captured in one copy and still in minutes in the other. */
    @Test
    void aHeadCapturedInOneCopyAndNotTheOtherAddsUp() {
        long monthStart = ZonedDateTime.of(2026, 2, 1, 0, 0, 0, 0, KOLKATA).toInstant().toEpochMilli();   // 18:30Z
        Run a = new Run();
        Run b = new Run();
        for (Run run : List.of(a, b)) {
            run.clock.set(Instant.ofEpochMilli(monthStart + 600_000));         // 18:40Z
        }
        a.recorder.recordCounts(0, 3, monthStart + 600_000);
        b.recorder.recordCounts(4, 0, monthStart + 600_000);
        long afterTheHour = monthStart + 35 * 60_000;                          // 19:05Z: the hour 18:00-19:00 has closed
        RecorderCounts captured = a.recorder.counts(afterTheHour);
        RecorderCounts inMinutes = b.recorder.counts(monthStart + 900_000);    // 18:45Z: still open
        assertEquals(monthStart, captured.headStartMillis());
        RecorderCounts sum = RecorderCounts.sum(captured, inMinutes);
        assertEquals(monthStart, sum.headStartMillis());
        assertEquals(4, sum.headGood());
        assertEquals(7, sum.headTotal());
    }
}
