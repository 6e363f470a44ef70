package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slice recorder's copy: taken, added to a fresh recorder, it answers as the original, whatever the lock hold did to its verdicts. */
final class SliceCountsTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static SliceRecorder ratioSlices(ManualClock clock) {
        return new SliceRecorder(clock, 10_000, 1.0, true, Duration.ofDays(30));
    }

    /**
     * Runs {@code body} in a writer thread while this thread holds the recorder's lock, as a long query
     * would, and releases it once the writer has finished or waits for it (a verdict no cell had room for).
     *
     * @return whether the writer had to wait for the lock
     */
    private static boolean whileLockHeld(SliceRecorder slices, Runnable body) throws InterruptedException {
        if (!slices.tryAcquire()) {
            throw new AssertionError("the lock was free");
        }
        Thread writer = new Thread(body);
        boolean waited = false;
        boolean held = true;
        try {
            writer.start();
            while (writer.isAlive() && held) {
                if (writer.getState() == Thread.State.WAITING) {
                    waited = true;
                    held = false;
                    slices.release();
                } else {
                    Thread.sleep(1);
                }
            }
        } finally {
            if (held) {
                slices.release();
            }
        }
        writer.join();
        return waited;
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
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aCopyTakenAfterVerdictsParkedAtCoarserBucketsRestoresExactly() throws InterruptedException {
        ManualClock clock = ManualClock.at(START);
        SliceRecorder original = ratioSlices(clock);
        whileLockHeld(original, () -> {
            for (int slice = 0; slice < 200; slice++) {   // 200 slices of 10 s closed while the lock is held
                original.record(clock.millis(), slice % 3 == 0 ? 1 : 2, 2);
                clock.advance(Duration.ofSeconds(10));
            }
        });
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

    /**
     * A lock hold across twelve hours of 10-second slices, far more verdicts than the cells hold: the
     * closer that finds no room waits for the lock and adds its verdict itself. None is lost, none is
     * counted twice, and no writer fails.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void verdictsParkedAcrossMoreHoursThanCellsAreAllKept() throws InterruptedException {
        ManualClock clock = ManualClock.at(START);
        SliceRecorder slices = ratioSlices(clock);
        int count = 12 * 360;                                 // twelve hours of 10-second slices
        boolean waited = whileLockHeld(slices, () -> {
            for (int slice = 0; slice < count; slice++) {
                slices.record(clock.millis(), slice < count / 2 ? 2 : 1, 2);
                clock.advance(Duration.ofSeconds(10));
            }
        });
        assertTrue(waited, "the cells ran out, so a closer waited for the lock to add its verdict");
        Tally all = slices.lookBacks(clock.millis(), 86_400_000L)[0];
        assertEquals(count, all.total(), "every slice judged once");
        assertEquals(count / 2 + (count / 2) * 0.5, all.ratioSum(), 1e-6, "six hours all good, six at 0.5");
        assertEquals(count / 2, all.good(), "slices with every reading good");
    }
}
