package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** startTimer/stopTimer, call and run: the latency and the bucket they record, under each kind of clock. */
final class TimerTest {
    private static final Duration THRESHOLD = Duration.ofMillis(1);

    private static Slo latencySlo(SloRegistry slos, String name) {
        return slos.define(name).internal("answers within 1 ms").ownedBy(Owner.team("t")).sli(Sli.latency(THRESHOLD)).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
    }

    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo auth = latencySlo(slos, "auth");

    @Test
    void underAManualClock_theTimedLatencyIsExactlyTheTimeAdvanced() {
        long started = auth.startTimer();
        clock.advance(THRESHOLD);                             // exactly the threshold: good
        auth.stopTimer(started, true);
        started = auth.startTimer();
        clock.advance(THRESHOLD.plusNanos(1));                // one nanosecond over: bad
        auth.stopTimer(started, true);
        started = auth.startTimer();
        auth.stopTimer(started, false);                       // no time at all, but failed: bad
        ErrorBudget budget = auth.errorBudget();
        assertEquals(3, budget.total());
        assertEquals(1, budget.good());
        LatencyDistribution latencies = auth.latency(Duration.ofHours(1));
        assertEquals(2, latencies.count());                   // the two successes, 1 ms and 1 ms + 1 ns
        assertEquals(1, latencies.failed());
        assertEquals(THRESHOLD.toNanos(), latencies.minAtLeast().toNanos(), THRESHOLD.toNanos() * LatencyDistribution.RELATIVE_ERROR);
    }

    @Test
    void aTimedEvent_countsInTheBucketOfItsEnd_asRecordAtThatMomentWould() {
        clock.advance(Duration.ofSeconds(5));
        long started = auth.startTimer();                     // 00:00:05
        clock.advance(Duration.ofSeconds(10));                // 00:00:15: a latency of 10 s, bad
        auth.stopTimer(started, true);
        List<TimeBucket> buckets = auth.timeline(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertEquals(Instant.parse("2026-01-01T00:00:10Z"), buckets.get(1).start());
        assertEquals(List.of(0L, 1L), buckets.stream().map(TimeBucket::total).toList());
        assertEquals(1, buckets.get(1).bad());
    }

    @Test
    void timersAndRecord_giveTheSameCounts_forTheSameEvents() {
        Slo timed = latencySlo(slos, "timed");
        Slo recorded = latencySlo(slos, "recorded");
        long[] latencies = {0, 1, 999_999, 1_000_000, 1_000_001, 7_000_000, 2_500_000_000L};
        for (int round = 0; round < 50; round++) {
            for (long nanos : latencies) {
                boolean ok = (round + nanos) % 5 != 0;
                long started = timed.startTimer();
                clock.advance(Duration.ofNanos(nanos));
                timed.stopTimer(started, ok);
                recorded.record(ok, nanos);
            }
            clock.advance(Duration.ofSeconds(37));
        }
        assertEquals(recorded.errorBudget().good(), timed.errorBudget().good());
        assertEquals(recorded.errorBudget().total(), timed.errorBudget().total());
        assertEquals(recorded.timeline(Duration.ofMinutes(1), Duration.ofHours(1)), timed.timeline(Duration.ofMinutes(1), Duration.ofHours(1)));
        for (double q : new double[] {0.1, 0.5, 0.9, 0.99, 1.0}) {
            assertEquals(recorded.latencyPercentile(q, Duration.ofHours(1)), timed.latencyPercentile(q, Duration.ofHours(1)));
        }
    }

    @Test
    void onTheSystemClock_theLatencyIsMeasuredAndTheEventCountsNow() throws InterruptedException {
        SloRegistry system = SloRegistry.create();
        Slo slo = latencySlo(system, "system");
        Instant before = system.clock().instant();
        long started = slo.startTimer();
        Thread.sleep(20);
        slo.stopTimer(started, true);
        Instant after = system.clock().instant();
        LatencyDistribution latencies = slo.latency(Duration.ofMinutes(1));
        assertEquals(1, latencies.count());
        assertTrue(latencies.maxAtMost().compareTo(Duration.ofMillis(20)) >= 0, latencies.toString());
        assertEquals(1, slo.errorBudget().bad());                 // 20 ms is over 1 ms
        List<TimeBucket> buckets = slo.timeline(Duration.ofSeconds(10), Duration.ofMinutes(1));
        TimeBucket counted = buckets.stream().filter(b -> b.total() == 1).findFirst().orElseThrow();
        assertTrue(!counted.end().isBefore(before) && !counted.start().isAfter(after), counted + " should hold " + before + ".." + after);
    }

    @Test
    void underAnotherClock_itsOwnReadingsServe() {
        Instant at = Instant.parse("2030-05-05T12:00:00Z");
        SloRegistry fixed = SloRegistry.create(Clock.fixed(at, ZoneOffset.UTC));
        Slo slo = latencySlo(fixed, "fixed");
        slo.stopTimer(slo.startTimer(), true);
        assertEquals(1, slo.errorBudget().good());
        assertEquals(at, slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(10)).get(0).start());
    }

    @Test
    void aStartLaterThanNow_isRefused_andNothingIsRecorded() {
        long started = auth.startTimer();
        Rejections.rejects(IllegalArgumentException.class, auth, () -> auth.stopTimer(started + 1, true),
                "started must be a startTimer() reading of this registry, not later than now", "got " + (started + 1));
        assertEquals(0, auth.errorBudget().total());
    }

    @Test
    void call_timesTheWork_countsAnExceptionBad_andRethrowsIt() throws Exception {
        assertEquals("ok", auth.call(() -> {
            clock.advance(Duration.ofMillis(1));
            return "ok";
        }));
        IOException failure = new IOException("disk gone");
        IOException thrown = assertThrows(IOException.class, () -> auth.call(() -> {
            throw failure;
        }));
        assertSame(failure, thrown);
        auth.run(() -> clock.advance(Duration.ofMillis(2)));                // too slow: bad
        IllegalStateException broken = new IllegalStateException("broken");
        assertSame(broken, assertThrows(IllegalStateException.class, () -> auth.run(() -> {
            throw broken;
        })));
        ErrorBudget budget = auth.errorBudget();
        assertEquals(4, budget.total());
        assertEquals(1, budget.good());
        LatencyDistribution latencies = auth.latency(Duration.ofHours(1));
        assertEquals(2, latencies.count());                   // the call of 1 ms and the run of 2 ms
        assertEquals(2, latencies.failed());                  // the two that threw
        long max = latencies.maxAtMost().toNanos();           // the upper edge of the bin of 2 ms: a bin is 1/32 of an octave
        assertTrue(max >= 2_000_000 && max <= 2_000_000 * (1 + 1 / 32.0), "max at most " + max);
    }

    @Test
    void aClassifier_decidesWhatCountsGoodBadOrNotAtAll() throws Exception {
        OutcomeClassifier<Integer> http = OutcomeClassifier.<Integer>standard()
                .badWhen(status -> status >= 500)
                .goodOn(NoSuchFieldException.class)
                .notCounting(IllegalArgumentException.class);
        assertEquals(200, auth.call(() -> 200, http));
        assertEquals(503, auth.call(() -> 503, http));
        assertThrows(NoSuchFieldException.class, () -> auth.call(() -> {
            throw new NoSuchFieldException("answered: no such field");
        }, http));
        assertThrows(NumberFormatException.class, () -> auth.call(() -> Integer.parseInt("x"), http));  // a subclass: not counted
        assertThrows(UncheckedIOException.class, () -> auth.call(() -> {
            throw new UncheckedIOException(new IOException("reset"));
        }, http));
        ErrorBudget budget = auth.errorBudget();
        assertEquals(4, budget.total());                                   // the bad request is not an event
        assertEquals(2, budget.good());                                    // 200 and the answered "no such field"
    }

    @Test
    void aClassifierThatThrows_countsTheEventBad_andPropagates() {
        OutcomeClassifier<String> broken = OutcomeClassifier.<String>standard().badWhen(s -> s.isEmpty());
        assertThrows(NullPointerException.class, () -> auth.call(() -> null, broken));
        assertEquals(1, auth.errorBudget().bad());
    }

    @Test
    void workDuringWhichTheClockGoesBack_isStillCounted_withALatencyOfZero() throws Exception {
        assertEquals("done", auth.call(() -> {
            clock.set(clock.instant().minusSeconds(1));
            return "done";
        }));
        auth.run(() -> clock.set(clock.instant().minusSeconds(1)));
        assertEquals(2, auth.errorBudget().good());
        assertEquals(Duration.ZERO, auth.latency(Duration.ofHours(1)).maxAtMost());
    }

    @Test
    void timersNeedAnSliThatCountsEvents() {
        Slo etl = slos.define("etl").internal("the export runs").ownedBy(Owner.team("t")).sli(Sli.deadline(Duration.ofMinutes(30)))
                .target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        Slo queue = slos.define("queue").internal("the queue stays short").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(100))
                .target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        for (Slo slo : List.of(etl, queue)) {
            Rejections.rejects(IllegalStateException.class, slo, slo::startTimer, "startTimer needs an SLI that counts events");
            Rejections.rejects(IllegalStateException.class, slo, () -> slo.stopTimer(0, true), "stopTimer needs an SLI that counts events");
            Rejections.rejects(IllegalStateException.class, slo, () -> slo.call(() -> 1), "call needs an SLI that counts events");
            Rejections.rejects(IllegalStateException.class, slo, () -> slo.run(() -> {}), "run needs an SLI that counts events");
        }
    }

    @Test
    void badInput_isRefusedNamingTheParameter() {
        Rejections.rejects(NullPointerException.class, auth, () -> auth.call(null), "work must not be null");
        Rejections.rejects(NullPointerException.class, auth, () -> auth.call(() -> 1, null), "classifier must not be null");
        Rejections.rejects(NullPointerException.class, auth, () -> auth.run(null), "work must not be null");
        Rejections.throwsNaming(NullPointerException.class, () -> OutcomeClassifier.standard().badWhen(null), "isBad must not be null");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> OutcomeClassifier.standard().goodOn(),
                "types must name at least one exception class, got none");
        Rejections.throwsNaming(NullPointerException.class, () -> OutcomeClassifier.standard().notCounting(IOException.class, null),
                "types[1] must not be null");
    }
}
