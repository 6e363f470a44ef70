package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slo.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A slice recorder's copy: taken, added to a fresh recorder, it answers as the original, whatever the lock hold did to its verdicts. */
final class SliceCountsTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static SliceRecorder ratioSlices(ManualClock clock) {
        return new SliceRecorder(clock, 10_000, 1.0, true, Duration.ofDays(30));
    }

    private static void assertSameTallies(SliceRecorder a, SliceRecorder b, long now) {
        long[] lookBacks = {60_000, 3_600_000, 6 * 3_600_000L, 30 * 86_400_000L};
        Tally[] x = a.lookBacks(now, lookBacks);
        Tally[] y = b.lookBacks(now, lookBacks);
        for (int i = 0; i < lookBacks.length; i++) {
            assertEquals(x[i].good(), y[i].good(), "good over " + lookBacks[i]);
            assertEquals(x[i].total(), y[i].total(), "total over " + lookBacks[i]);
            assertEquals(x[i].ratioSum(), y[i].ratioSum(), "ratio sum over " + lookBacks[i]);
        }
    }

    /**
     * While a query holds the lock for many slices, the verdict cells of finer tiers fill and verdicts park
     * at coarser buckets, one cell of a ratio slice possibly in another bucket than the other: the copy keeps
     * the cells as they are (it must not refuse them as events) and gives them back exactly.
     */
    @Test
    void aCopyTakenAfterVerdictsParkedAtCoarserBucketsRestoresExactly() {
        ManualClock clock = ManualClock.at(START);
        SliceRecorder original = ratioSlices(clock);
        if (!original.tryAcquire()) {
            throw new AssertionError("the lock was free");
        }
        try {
            for (int slice = 0; slice < 200; slice++) {   // 200 slices of 10 s closed while the lock is held
                original.record(clock.millis(), slice % 3 == 0 ? 1 : 2, 2);
                clock.advance(Duration.ofSeconds(10));
            }
        } finally {
            original.release();
        }
        SliceCounts copy = original.counts(clock.millis());
        SliceRecorder restored = ratioSlices(ManualClock.at(clock.instant()));
        restored.add(copy, clock.millis());
        assertEquals(copy, restored.counts(clock.millis()));
        assertSameTallies(original, restored, clock.millis());
        assertArrayEquals(new long[0], copy.pending(), "the open slice has no readings yet");
    }

    @Test
    void theOpenSlicesReadingsJoinTheOpenSliceOrAreJudgedOnceItHasClosed() {
        ManualClock clock = ManualClock.at(START);
        SliceRecorder original = ratioSlices(clock);
        original.record(clock.millis(), 3, 4);
        SliceCounts copy = original.counts(clock.millis());
        assertArrayEquals(new long[] {START.toEpochMilli() / 10_000, 3, 4}, copy.pending());

        SliceRecorder sameSlice = ratioSlices(ManualClock.at(START.plusSeconds(5)));
        sameSlice.add(copy, START.plusSeconds(5).toEpochMilli());
        sameSlice.record(START.plusSeconds(6).toEpochMilli(), 1, 1);            // the slice goes on: 4 of 5
        Tally joined = sameSlice.lookBacks(START.plusSeconds(10).toEpochMilli(), 60_000)[0];
        assertEquals(1, joined.total(), "one slice");
        assertEquals(0.8, joined.ratioSum(), 1e-9, "judged from all its readings");

        SliceRecorder later = ratioSlices(ManualClock.at(START.plusSeconds(30)));
        later.add(copy, START.plusSeconds(30).toEpochMilli());
        Tally judged = later.lookBacks(START.plusSeconds(30).toEpochMilli(), 60_000)[0];
        assertEquals(1, judged.total());
        assertEquals(0.75, judged.ratioSum(), 1e-9, "judged at once: its slice has closed here");

        SliceRecorder behind = ratioSlices(ManualClock.at(START.minusSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> behind.add(copy, START.minusSeconds(30).toEpochMilli()));
        assertEquals(0, behind.lookBacks(START.minusSeconds(30).toEpochMilli(), 60_000)[0].total(), "nothing changed");
    }
}
