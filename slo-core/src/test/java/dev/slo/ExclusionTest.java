package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-off and weekly {@link Exclusion}s, declared or added at run time: which events they keep out of the budget. */
final class ExclusionTest {
    private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final ManualClock clock = ManualClock.at(T0);
    private final SloRegistry slos = SloRegistry.create(clock);

    private SloBuilder define(String name) {
        return slos.define(name).internal("answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(7)));
    }

    private void recordAt(Slo slo, Instant at, boolean good, int times) {
        clock.set(at);
        for (int i = 0; i < times; i++) {
            slo.record(good);
        }
    }

    @Test
    void once_excludesExactlyItsHalfOpenInterval() {
        Instant start = Instant.parse("2026-03-10T02:00:00Z");
        Slo slo = define("a").exclude(Exclusion.once(start, Duration.ofHours(2), "migration")).register();

        recordAt(slo, start.minusMillis(1), false, 1);                  // before: counts
        recordAt(slo, start, false, 5);                                 // first instant: excluded
        recordAt(slo, Instant.parse("2026-03-10T03:59:59.999Z"), false, 3); // last instant: excluded
        recordAt(slo, Instant.parse("2026-03-10T04:00:00Z"), false, 1);  // end is exclusive: counts
        recordAt(slo, Instant.parse("2026-03-10T05:00:00Z"), true, 10);

        ErrorBudget budget = slo.errorBudget();
        assertEquals(12, budget.total());                               // 1 + 1 bad + 10 good
        assertEquals(2, budget.bad());
        assertEquals(8, slo.excludedEvents());                          // 5 + 3
    }

    @Test
    void weekly_followsLocalTimeAcrossTheSpringDstChange() {
        // Sundays 01:30-02:30 in Berlin. On 2026-03-22 Berlin is on CET (+01:00): 00:30Z-01:30Z.
        // On 2026-03-29 clocks jump 02:00 -> 03:00 CEST, after the start: 01:30 CET = 00:30Z, lasting 1 h elapsed.
        // On 2026-04-05 Berlin is on CEST (+02:00): 01:30 local = 23:30Z on Saturday 04-04.
        Exclusion sunday = Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 30), Duration.ofHours(1), BERLIN, "patching");

        assertTrue(sunday.activeAt(Instant.parse("2026-03-22T00:30:00Z")));
        assertFalse(sunday.activeAt(Instant.parse("2026-03-22T01:30:00Z")));
        assertTrue(sunday.activeAt(Instant.parse("2026-03-29T01:29:59Z")));
        assertFalse(sunday.activeAt(Instant.parse("2026-03-29T01:30:00Z")));
        assertFalse(sunday.activeAt(Instant.parse("2026-04-04T23:29:59Z")));
        assertTrue(sunday.activeAt(Instant.parse("2026-04-04T23:30:00Z")));
        assertTrue(sunday.activeAt(Instant.parse("2026-04-05T00:29:59Z")));
        assertFalse(sunday.activeAt(Instant.parse("2026-04-05T00:30:00Z")));
        assertFalse(sunday.activeAt(Instant.parse("2026-04-05T00:30:00Z").minus(Duration.ofHours(1)).minusSeconds(1)));
    }

    @Test
    void weekly_startInTheDstGapMovesLater_startInTheOverlapTakesTheEarlierInstant() {
        Exclusion at0230 = Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofMinutes(30), BERLIN, "jobs");
        // 2026-03-29: 02:30 does not exist in Berlin; ZonedDateTime moves it by the 1 h gap to 03:30 CEST = 01:30Z.
        assertFalse(at0230.activeAt(Instant.parse("2026-03-29T01:29:59Z")));
        assertTrue(at0230.activeAt(Instant.parse("2026-03-29T01:30:00Z")));
        assertFalse(at0230.activeAt(Instant.parse("2026-03-29T02:00:00Z")));
        // 2026-10-25: 02:30 happens twice (CEST at 00:30Z, CET at 01:30Z); the earlier one is used.
        assertTrue(at0230.activeAt(Instant.parse("2026-10-25T00:30:00Z")));
        assertFalse(at0230.activeAt(Instant.parse("2026-10-25T01:30:00Z")));
    }

    @Test
    void weekly_excludesEveryOccurrenceWhileRecording() {
        clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        Slo slo = slos.define("weekly").internal("answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 30), Duration.ofHours(1), BERLIN, "patching"))
                .register();
        recordAt(slo, Instant.parse("2026-03-22T00:45:00Z"), false, 4);    // in (CET)
        recordAt(slo, Instant.parse("2026-03-22T01:45:00Z"), false, 1);    // after
        recordAt(slo, Instant.parse("2026-03-29T00:45:00Z"), false, 4);    // in (the DST day)
        recordAt(slo, Instant.parse("2026-04-04T23:45:00Z"), false, 4);    // in (CEST)
        recordAt(slo, Instant.parse("2026-04-05T00:45:00Z"), false, 1);    // after
        assertEquals(2, slo.errorBudget().bad());
        assertEquals(12, slo.excludedEvents());
    }

    @Test
    void excludedEvents_neverBurnOrAlert() {
        // A planned outage: every request fails for 30 minutes inside the exclusion.
        Instant start = T0.plus(Duration.ofHours(1));
        Slo slo = define("maint").exclude(Exclusion.once(start, Duration.ofMinutes(30), "failover drill")).register();
        recordAt(slo, T0, true, 1000);
        for (int minute = 0; minute < 30; minute++) {
            recordAt(slo, start.plus(Duration.ofMinutes(minute)), false, 100);
        }
        clock.set(start.plus(Duration.ofMinutes(30)));
        assertEquals(0, slo.errorBudget().bad());
        assertEquals(0.0, slo.burnRate(Duration.ofHours(1)));
        assertEquals(List.of(), slo.alerts());
        assertEquals(3000, slo.excludedEvents());
        // Without the exclusion, the same traffic pages: 3000 bad of 3000 in the last hour is a burn of 1000.
        Slo twin = define("twin").register();
        for (int minute = 0; minute < 30; minute++) {
            recordAt(twin, start.plus(Duration.ofMinutes(minute)), false, 100);
        }
        clock.set(start.plus(Duration.ofMinutes(30)));
        assertEquals(1000.0, twin.burnRate(Duration.ofHours(1)), 1e-9);
        assertFalse(twin.alerts().isEmpty());
    }

    @Test
    void recordCountsAndLatencyEvents_areExcludedToo() {
        Slo slo = slos.define("lat").internal("fast").ownedBy(Owner.team("t")).sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.99).window(Window.rolling(Duration.ofDays(7)))
                .exclude(Exclusion.once(T0, Duration.ofMinutes(10), "deploy")).register();
        slo.recordCounts(7, 3);
        slo.record(true, 900_000_000L);                                  // slow: would be bad
        slo.record(true, Duration.ofMillis(10));
        assertEquals(0, slo.errorBudget().total());
        assertEquals(12, slo.excludedEvents());
    }

    @Test
    void backToBackExclusions_areOneStretch() {
        Instant a = T0.plus(Duration.ofHours(1));
        Slo slo = define("chain").exclude(
                Exclusion.once(a, Duration.ofMinutes(30), "first"),
                Exclusion.once(a.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30), "second"),
                Exclusion.once(a.plus(Duration.ofMinutes(45)), Duration.ofMinutes(30), "overlapping")).register();
        recordAt(slo, a.plus(Duration.ofMinutes(29)), false, 1);
        recordAt(slo, a.plus(Duration.ofMinutes(30)), false, 1);
        recordAt(slo, a.plus(Duration.ofMinutes(74)), false, 1);          // the third ends at 75 min
        recordAt(slo, a.plus(Duration.ofMinutes(75)), false, 1);          // counts
        assertEquals(1, slo.errorBudget().bad());
        assertEquals(3, slo.excludedEvents());
    }

    @Test
    void declaredAndRunTimeExclusions_countTheSame() {
        Exclusion drill = Exclusion.once(T0.plus(Duration.ofHours(2)), Duration.ofHours(1), "drill");
        Slo declared = define("declared").exclude(drill).register();
        Slo runTime = define("run-time").register();
        runTime.exclude(drill);
        assertEquals(List.of(drill), declared.spec().exclusions());
        assertEquals(List.of(drill), runTime.spec().exclusions());
        for (int minute = 0; minute < 240; minute += 5) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            declared.record(minute % 10 == 0);
            runTime.record(minute % 10 == 0);
        }
        // 48 events, every other one bad: 24 bad; 12 of the 48 fall in 02:00-03:00 (6 of them bad).
        assertEquals(declared.errorBudget(), runTime.errorBudget());
        assertEquals(36, runTime.errorBudget().total());
        assertEquals(18, runTime.errorBudget().bad());
        assertEquals(12, runTime.excludedEvents());
        assertEquals(declared.excludedEvents(), runTime.excludedEvents());
    }

    @Test
    void runTimeExclusion_appliesFromNowOn_andKeepsWhatWasRecorded() {
        Slo slo = define("late").register();
        recordAt(slo, T0.plus(Duration.ofMinutes(10)), false, 5);
        // Declared at 00:20 for 00:00-01:00: the five events of 00:10 stay counted.
        slo.exclude(Exclusion.once(T0, Duration.ofHours(1), "forgot to declare"));
        recordAt(slo, T0.plus(Duration.ofMinutes(30)), false, 5);
        assertEquals(5, slo.errorBudget().bad());
        assertEquals(5, slo.excludedEvents());
    }

    @Test
    void runTimeExclusion_takesEffectWhileTheGateIsMidStretch() {
        Slo slo = define("mid").exclude(Exclusion.once(T0.plus(Duration.ofDays(1)), Duration.ofHours(1), "later")).register();
        recordAt(slo, T0.plus(Duration.ofMinutes(1)), false, 1);        // the gate now knows "open until day 1"
        slo.exclude(Exclusion.once(T0, Duration.ofHours(1), "now"));
        recordAt(slo, T0.plus(Duration.ofMinutes(2)), false, 1);
        assertEquals(1, slo.errorBudget().bad());
        assertEquals(1, slo.excludedEvents());
    }

    @Test
    void aClockThatGoesBack_isJudgedByItsOwnReading() {
        Instant start = T0.plus(Duration.ofHours(1));
        Slo slo = define("back").exclude(Exclusion.once(start, Duration.ofHours(1), "drill")).register();
        recordAt(slo, T0.plus(Duration.ofHours(3)), false, 1);           // after the exclusion: counts
        recordAt(slo, start.plus(Duration.ofMinutes(30)), false, 2);     // clock set back into it: excluded
        recordAt(slo, T0, false, 4);                                      // back before it: counts
        clock.set(T0.plus(Duration.ofHours(3)));
        assertEquals(5, slo.errorBudget().bad());
        assertEquals(2, slo.excludedEvents());
    }

    @Test
    void concurrentWriters_acrossExclusionEdges_loseNothing() throws InterruptedException {
        // Every other minute is excluded (30 one-minute exclusions); four writers record until told to
        // stop while this thread moves the clock 10 s at a time across all their edges, waiting after
        // each step until some writer has recorded at the new reading. good + bad + excluded must equal
        // what was recorded, and both sides of the edges must have seen events.
        Exclusion[] everyOtherMinute = new Exclusion[30];
        for (int i = 0; i < everyOtherMinute.length; i++) {
            everyOtherMinute[i] = Exclusion.once(T0.plus(Duration.ofMinutes(2L * i + 1)), Duration.ofMinutes(1), "m" + i);
        }
        Slo slo = define("race").exclude(everyOtherMinute).register();
        int writers = 4;
        java.util.concurrent.atomic.AtomicLongArray recorded = new java.util.concurrent.atomic.AtomicLongArray(writers);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread[] threads = new Thread[writers];
        for (int w = 0; w < writers; w++) {
            int me = w;
            threads[w] = new Thread(() -> {
                for (long i = 0; !stop.get(); i++) {
                    slo.record(i % 7 != 0);
                    recorded.incrementAndGet(me);
                }
            });
            threads[w].start();
        }
        for (int step = 0; step < 6 * 60; step++) {        // one hour in 10 s steps
            awaitARecordBegunNow(recorded);
            clock.advance(Duration.ofSeconds(10));
        }
        awaitARecordBegunNow(recorded);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        for (int w = 0; w < writers; w++) {
            total += recorded.get(w);
        }
        ErrorBudget budget = slo.errorBudget();
        assertEquals(total, budget.total() + slo.excludedEvents());
        // Readings 0 s, 10 s, ..., 3600 s each saw at least one event. The 30 excluded minutes (1, 3, ..., 59)
        // hold 6 readings each: 180. The counted minutes 0, 2, ..., 58 hold 6 each, and minute 60 one: 181.
        assertTrue(slo.excludedEvents() >= 180, "excluded " + slo.excludedEvents());
        assertTrue(budget.total() >= 181, "counted " + budget.total());
    }

    /**
     * Waits until some writer has finished a record that began after this call: with n writers, n + 1
     * more finished records mean one of them finished two, the second begun (and its clock read) later.
     */
    private static void awaitARecordBegunNow(java.util.concurrent.atomic.AtomicLongArray recorded) {
        long seen = sum(recorded);
        while (sum(recorded) < seen + recorded.length() + 1) {
            Thread.yield();
        }
    }

    private static long sum(java.util.concurrent.atomic.AtomicLongArray counts) {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Test
    void footprint_growsOnlyWithExclusions() {
        Slo plain = define("plain").register();
        Slo excluded = define("excluded").exclude(Exclusion.once(T0, Duration.ofHours(1), "x")).register();
        assertTrue(excluded.footprintBytes() > plain.footprintBytes());
        long before = plain.footprintBytes();
        plain.exclude(Exclusion.once(T0, Duration.ofHours(1), "x"));
        assertTrue(plain.footprintBytes() > before);
    }

    @Test
    void endedOneOffExclusions_areForgottenOnceOutOfHistory() {
        Slo slo = define("old").register();
        Exclusion old = Exclusion.once(T0, Duration.ofHours(1), "old");
        slo.exclude(old);
        clock.set(T0.plus(Duration.ofDays(60)));
        Exclusion fresh = Exclusion.once(clock.instant(), Duration.ofHours(1), "fresh");
        slo.exclude(fresh);
        assertEquals(List.of(fresh), slo.spec().exclusions());
    }

    @Test
    void revisedSpec_keepsExclusions() {
        Exclusion drill = Exclusion.once(T0, Duration.ofHours(1), "drill");
        Slo slo = define("rev").exclude(drill).register();
        assertEquals(List.of(drill), slo.spec().withTarget(0.99).exclusions());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void once_rejectsBadInput() {
        assertEquals("start must not be null",
                assertThrows(NullPointerException.class, () -> Exclusion.once(null, Duration.ofHours(1), "r")).getMessage());
        assertEquals("length must be at least 1 ms, got 0s",
                assertThrows(IllegalArgumentException.class, () -> Exclusion.once(T0, Duration.ZERO, "r")).getMessage());
        assertEquals("length must be at least 1 ms, got -1h",
                assertThrows(IllegalArgumentException.class, () -> Exclusion.once(T0, Duration.ofHours(-1), "r")).getMessage());
        assertEquals("reason must not be blank, got \" \"",
                assertThrows(IllegalArgumentException.class, () -> Exclusion.once(T0, Duration.ofHours(1), " ")).getMessage());
        assertEquals("reason must not be null",
                assertThrows(NullPointerException.class, () -> Exclusion.once(T0, Duration.ofHours(1), null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Exclusion.once(Instant.MAX.minusSeconds(10), Duration.ofHours(1), "r")).getMessage()
                .startsWith("start + length must be a representable instant, got start +1000000000-12-31T23:59:49"));
    }

    @Test
    void weekly_rejectsBadInput() {
        assertEquals("length must be at most 6d for a weekly exclusion, got 6d 1ms",
                assertThrows(IllegalArgumentException.class, () -> Exclusion.weekly(DayOfWeek.MONDAY, LocalTime.NOON,
                        Duration.ofDays(6).plusMillis(1), BERLIN, "r")).getMessage());
        assertEquals("day must not be null", assertThrows(NullPointerException.class,
                () -> Exclusion.weekly(null, LocalTime.NOON, Duration.ofHours(1), BERLIN, "r")).getMessage());
        assertEquals("zone must not be null", assertThrows(NullPointerException.class,
                () -> Exclusion.weekly(DayOfWeek.MONDAY, LocalTime.NOON, Duration.ofHours(1), null, "r")).getMessage());
        assertEquals("start must not be null", assertThrows(NullPointerException.class,
                () -> Exclusion.weekly(DayOfWeek.MONDAY, null, Duration.ofHours(1), BERLIN, "r")).getMessage());
        assertEquals("instant must not be null", assertThrows(NullPointerException.class,
                () -> Exclusion.once(T0, Duration.ofHours(1), "r").activeAt(null)).getMessage());
    }

    @Test
    void builder_rejectsBadExclusions() {
        Exclusion x = Exclusion.once(T0, Duration.ofHours(1), "x");
        assertEquals("exclusions[1] must not be null",
                assertThrows(NullPointerException.class, () -> define("b1").exclude(x, null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define("b2").exclude(x, x)).getMessage()
                .startsWith("exclusions must not repeat, got ["));
        assertTrue(assertThrows(IllegalStateException.class, () -> define("b3").exclude(x).exclude(x)).getMessage()
                .startsWith("exclusions was already set for \"b3\""));
        Exclusion[] many = new Exclusion[SloSpec.MAX_EXCLUSIONS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = Exclusion.once(T0.plusSeconds(i), Duration.ofHours(1), "x" + i);
        }
        assertEquals("exclusions must hold at most 64, got 65",
                assertThrows(IllegalArgumentException.class, () -> define("b4").exclude(many)).getMessage());
    }

    @Test
    void runTimeExclude_rejectsBadInput_andChangesNothing() {
        Exclusion x = Exclusion.once(T0, Duration.ofHours(1), "x");
        Slo slo = define("r").exclude(x).register();
        slo.record(false);
        assertEquals("exclusion must not be null",
                assertThrows(NullPointerException.class, () -> slo.exclude(null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> slo.exclude(x)).getMessage()
                .startsWith("exclusion must not repeat one the SLO already has, got "));
        assertEquals(List.of(x), slo.spec().exclusions());
        assertEquals(1, slo.excludedEvents());
        assertEquals(0, slo.errorBudget().total());
    }
}
