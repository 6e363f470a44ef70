package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code recordCounts(good, bad, at)}: backfilled events land in the buckets of their instant, exactly. */
final class BackfillTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);

    @Test
    void backfilledEventsLandInTheBucketsOfTheirInstant() {
        Slo slo = Fixtures.ratioSlo(slos, "checkout", 0.999, Window.rolling(Fixtures.DAYS_30));
        clock.set(Fixtures.START.plus(Duration.ofHours(10)));
        slo.recordCounts(900, 100, Fixtures.START.plus(Duration.ofMinutes(135)));   // 02:15

        assertEquals(ErrorBudget.of(1000, 900, 0.999), slo.errorBudget());
        assertEquals(0.0, slo.burnRate(Duration.ofHours(1)));                        // (09:00, 10:00]: none
        assertEquals(100.0, slo.burnRate(Duration.ofHours(9)), 1e-9);                // (01:00, 10:00]: 100/1000 / 0.001
        List<TimeBucket> hours = slo.timeline(Duration.ofHours(1), Duration.ofHours(10));
        for (TimeBucket bucket : hours) {
            boolean two = bucket.start().equals(Fixtures.START.plus(Duration.ofHours(2)));
            assertEquals(two ? 1000 : 0, bucket.total(), bucket.toString());
            assertEquals(two ? 900 : 0, bucket.good(), bucket.toString());
        }
    }

    /** What a registry that saw the events live answers, a registry that had them backfilled answers too. */
    @Test
    void aBackfillAnswersAsLiveRecordingAtTheSameInstantsDid() {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("BackfillTest", seed);
        Random random = new Random(seed);
        ManualClock liveClock = Fixtures.clock();
        Slo live = Fixtures.ratioSlo(SloRegistry.create(liveClock), "live", 0.999, Window.rolling(Fixtures.DAYS_30));
        Slo backfilled = Fixtures.ratioSlo(slos, "backfilled", 0.999, Window.rolling(Fixtures.DAYS_30));
        Instant end = Fixtures.START.plus(Duration.ofDays(30));
        long[][] batches = new long[400][];
        long t = 0;
        for (int i = 0; i < batches.length; i++) {
            t += 1 + random.nextInt((int) (Duration.ofDays(30).toMillis() / batches.length * 2));
            batches[i] = new long[] {Math.min(t, Duration.ofDays(30).toMillis()), random.nextInt(1000), random.nextInt(3)};
        }
        for (long[] b : batches) {
            liveClock.set(Fixtures.START.plusMillis(b[0]));
            live.recordCounts(b[1], b[2]);
        }
        liveClock.set(end);
        clock.set(end);
        for (int i = batches.length - 1; i >= 0; i--) {                   // newest first: order must not matter
            backfilled.recordCounts(batches[i][1], batches[i][2], Fixtures.START.plusMillis(batches[i][0]));
        }

        assertEquals(live.errorBudget(), backfilled.errorBudget(), replay);
        for (BurnRateRule rule : AlertPolicy.sreWorkbook().rules()) {
            assertEquals(live.burnRate(rule.longWindow()), backfilled.burnRate(rule.longWindow()), replay);
            assertEquals(live.burnRate(rule.shortWindow()), backfilled.burnRate(rule.shortWindow()), replay);
        }
        assertEquals(live.alerts().stream().map(BurnRateAlert::rule).toList(),
                backfilled.alerts().stream().map(BurnRateAlert::rule).toList(), replay);
        for (Duration resolution : List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1))) {
            Duration lookBack = resolution.multipliedBy(30);
            assertEquals(counts(live.timeline(resolution, lookBack)), counts(backfilled.timeline(resolution, lookBack)),
                    resolution + replay);
        }
        assertEquals(counts(live.timeline(Duration.ofHours(1), Duration.ofDays(30))),
                counts(backfilled.timeline(Duration.ofHours(1), Duration.ofDays(30))), replay);
    }

    private static List<List<Long>> counts(List<TimeBucket> buckets) {
        return buckets.stream().map(b -> List.of(b.start().toEpochMilli(), b.good(), b.total())).toList();
    }

    /** The oldest instant accepted is the start of the oldest hour a look-back of the whole history covers. */
    @Test
    void theOldestInstantAcceptedIsTheOldestAQueryStillSees() {
        Slo slo = Fixtures.ratioSlo(slos, "edge", 0.999, Window.rolling(Fixtures.DAYS_30));
        assertEquals(Duration.ofDays(31), slo.historyKept());
        clock.set(Fixtures.START.plus(Duration.ofDays(40)).plus(Duration.ofMinutes(20)));
        Instant oldest = Fixtures.START.plus(Duration.ofDays(9)).plus(Duration.ofHours(1));   // (now - 31 d) rounded up to the hour
        slo.recordCounts(0, 7, oldest);
        assertEquals(7, slo.timeline(Duration.ofHours(1), slo.historyKept()).stream().mapToLong(TimeBucket::bad).sum());
        assertEquals(7.0 / 7 / 0.001, slo.burnRate(slo.historyKept()), 1e-9);
        assertEquals(0, slo.errorBudget().total());                       // older than the 30-day window
        Instant older = oldest.minusMillis(1);
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(0, 1, older),
                "at must be within the 31d", "at or after " + oldest, "got " + older);
    }

    @Test
    void eventsOfAnExcludedInstantCountApart() {
        Slo slo = Fixtures.complete(slos, "maintained")
                .exclude(Exclusion.once(Fixtures.START.plus(Duration.ofHours(1)), Duration.ofHours(2), "migration"))
                .register();
        clock.set(Fixtures.START.plus(Duration.ofHours(5)));
        slo.recordCounts(10, 5, Fixtures.START.plus(Duration.ofMinutes(90)));   // inside the exclusion
        slo.recordCounts(20, 0, Fixtures.START.plus(Duration.ofMinutes(200)));  // after it
        assertEquals(ErrorBudget.of(20, 20, 0.999), slo.errorBudget());
        assertEquals(15, slo.excludedEvents());
    }

    /**
     * February in Asia/Kolkata starts at 18:30Z on 31 January, inside an hour. Once that hour has closed,
     * only hourly buckets and the captured head of the period remain: a backfill into the head's half hour
     * must count in February's budget, and one into the half hour before must not.
     */
    @Test
    void aBackfillIntoTheHeadOfACalendarPeriodCountsOnceItsHourHasClosed() {
        Slo slo = Fixtures.ratioSlo(slos, "kolkata", 0.999, Window.calendarMonth(ZoneId.of("Asia/Kolkata")));
        clock.set(Instant.parse("2026-01-31T18:45:00Z"));
        slo.recordCounts(5, 0);                                           // 00:15 IST, 1 February, live
        clock.set(Instant.parse("2026-02-03T00:00:00Z"));                 // days later: hourly buckets and the head
        slo.recordCounts(0, 3, Instant.parse("2026-01-31T18:40:00Z"));    // 00:10 IST, 1 February
        slo.recordCounts(0, 4, Instant.parse("2026-01-31T18:20:00Z"));    // 23:50 IST, 31 January
        assertEquals(ErrorBudget.of(8, 5, 0.999), slo.errorBudget());
    }

    @Test
    void rejectedBackfillsChangeNothing() {
        clock.set(Fixtures.START.plus(Duration.ofDays(40)));
        Slo slo = Rejections.withEvents(Fixtures.ratioSlo(slos, "guarded", 0.999, Window.rolling(Fixtures.DAYS_30)));
        Instant now = clock.instant();
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(1, 0, now.plusMillis(1)),
                "at must not be later than", now.plusMillis(1).toString());
        Instant tooOld = now.minus(Duration.ofDays(31));                   // now is on the hour: its bucket is no longer covered
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(1, 0, tooOld),
                "at must be within the 31d", tooOld.toString());
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(1, 0, Instant.MIN), "at", Instant.MIN.toString());
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(1, 0, Instant.MAX), "at", Instant.MAX.toString());
        Rejections.rejects(NullPointerException.class, slo, () -> slo.recordCounts(1, 0, null), "at");
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(-1, 0, now), "good", "-1");
        Rejections.rejects(IllegalArgumentException.class, slo, () -> slo.recordCounts(0, Slo.MAX_COUNTS_PER_CALL + 1, now), "bad");
        Rejections.rejects(IllegalArgumentException.class, slo,
                () -> slo.recordCounts(Slo.MAX_COUNTS_PER_CALL, 1, now), "good + bad must be at most");
    }

    @Test
    void timeSliceBudgetsRefuseBackfills() {
        Slo slo = Fixtures.complete(slos, "sliced").budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        slo.recordCounts(10, 0);
        clock.advance(Duration.ofMinutes(5));
        Rejections.rejects(IllegalStateException.class, slo, () -> slo.recordCounts(1, 1, Fixtures.START.plusSeconds(30)),
                "\"sliced\"", "budgeted by Timeslices");
        assertEquals(1, slo.errorBudget().total());
    }

    /**
     * Writers record live while another thread backfills and a third advances the clock across bucket
     * rolls: every event counts once, live or backfilled, and each backfill in the bucket of its instant.
     */
    @Test
    void backfillsRacingLiveWritersAndAMovingClockLoseNothing() throws InterruptedException {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("BackfillTest", seed);
        Slo slo = Fixtures.ratioSlo(slos, "busy", 0.999, Window.rolling(Fixtures.DAYS_30));
        clock.set(Fixtures.START.plus(Duration.ofDays(2)));
        Instant backfillHour = Fixtures.START.plus(Duration.ofHours(5));   // an hour no live event reaches
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong live = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] writers = new Thread[2];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                TestThreads.await(go);
                while (!stop.get()) {
                    slo.record(true);
                    live.incrementAndGet();
                }
            });
        }
        Thread ticker = new Thread(() -> {
            TestThreads.await(go);
            for (int tick = 0; tick < 20_000 && !stop.get(); tick++) {    // at most 39 h: the hour stays kept
                clock.advance(Duration.ofSeconds(7));
                Thread.yield();
            }
        });
        Random random = new Random(seed);
        for (Thread thread : writers) {
            thread.start();
        }
        ticker.start();
        go.countDown();
        long backfilled = 0;
        for (int i = 0; i < 2_000; i++) {
            long bad = 1 + random.nextInt(5);
            slo.recordCounts(0, bad, backfillHour.plusMillis(random.nextInt(3_600_000)));
            backfilled += bad;
        }
        stop.set(true);
        for (Thread thread : writers) {
            thread.join();
        }
        ticker.join();
        ErrorBudget budget = slo.errorBudget();
        assertEquals(live.get() + backfilled, budget.total(), replay);
        assertEquals(backfilled, budget.bad(), replay);
        long inHour = slo.timeline(Duration.ofHours(1), slo.historyKept()).stream()
                .filter(b -> b.start().equals(backfillHour)).mapToLong(TimeBucket::bad).sum();
        assertEquals(backfilled, inHour, replay);
    }
}
