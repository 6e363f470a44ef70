package dev.slo;

import static dev.slo.Rejections.rejects;
import static dev.slo.Rejections.row;
import static dev.slo.Rejections.withEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to the methods of {@link Slo}: recording and observing, the budget, burn-rate, timeline and
 * latency queries, revise, exclude, startRun and recordAttempt.
 */
final class SloBadInputTest implements Rejections.Table {
    /** For the one-case tests: one SLO, "existing", holding 90 good events of 100. */
    private final Recorded recorded = new Recorded();
    /** For the tests that define SLOs of their own: an empty registry. */
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);

    @Test void record_negativeLatency() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.record(true, -1L), "latencyNanos", "got -1");
    }
    @Test void record_nullLatency() {
        recorded.rejects(NullPointerException.class, () -> recorded.slo.record(true, (Duration) null), "latency");
    }
    @Test void record_negativeDuration() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.record(false, Duration.ofMillis(-3)), "latency", "-3ms");
    }
    @Test void recordCounts_negativeGood() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.recordCounts(-1, 5), "good", "got -1");
    }
    @Test void recordCounts_negativeBad() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.recordCounts(5, -2), "bad", "got -2");
    }
    @Test void recordCounts_goodTooLarge() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.recordCounts(Long.MAX_VALUE, 0), "good", "got " + Long.MAX_VALUE);
    }
    @Test void recordCounts_badTooLarge() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.recordCounts(0, Slo.MAX_COUNTS_PER_CALL + 1),
                "bad", "got " + (Slo.MAX_COUNTS_PER_CALL + 1));
    }
    @Test void recordCounts_sumTooLarge() {
        long half = Slo.MAX_COUNTS_PER_CALL / 2 + 1;
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.recordCounts(half, half), "good + bad", "got " + (2 * half));
    }
    @Test void burnRate_null() { recorded.rejects(NullPointerException.class, () -> recorded.slo.burnRate(null), "lookBack"); }
    @Test void burnRate_zero() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.burnRate(Duration.ZERO), "lookBack", "0s");
    }
    @Test void burnRate_negative() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.burnRate(Duration.ofHours(-1)), "lookBack", "-1h");
    }
    @Test void burnRate_subMillisecond() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.burnRate(Duration.ofNanos(10)), "lookBack", "10ns");
    }
    @Test void burnRate_longerThanHistory() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.slo.burnRate(Duration.ofDays(60)), "lookBack", "60d");
    }
    @Test void burnRate_hugeDuration() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.burnRate(Duration.ofSeconds(Long.MAX_VALUE)), "lookBack",
                "got 106751991167300d 15h 30m 7s");
    }
    @Test void timeToExhaustion_null() {
        recorded.rejects(NullPointerException.class, () -> recorded.slo.timeToExhaustion(null), "lookBack");
    }
    @Test void timeToExhaustion_negative() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.timeToExhaustion(Duration.ofMinutes(-5)), "lookBack", "-5m");
    }
    @Test void timeline_nullResolution() {
        recorded.rejects(NullPointerException.class, () -> recorded.slo.timeline(null, Duration.ofHours(1)), "resolution");
    }
    @Test void timeline_nullLookBack() {
        recorded.rejects(NullPointerException.class, () -> recorded.slo.timeline(Duration.ofMinutes(1), null), "lookBack");
    }
    @Test void timeline_unkeptResolution() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.slo.timeline(Duration.ofSeconds(7), Duration.ofMinutes(1)), "resolution", "7s");
    }

    @Test
    void reviseNamesNewTargetAndTheValue() {
        Slo slo = withEvents(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(99.5, Owner.team("team"), "why"),
                "newTarget", "99.5", "0.995");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(Double.NaN, Owner.team("team"), "why"),
                "newTarget", "NaN");
        rejects(NullPointerException.class, slo, () -> slo.revise(0.99, null, "why"), "actor");
        rejects(NullPointerException.class, slo, () -> slo.revise(0.99, Owner.team("team"), null), "reason");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(0.99, Owner.team("team"), "  "), "reason");
        rejects(IllegalArgumentException.class, slo, () -> slo.revise(0.999, Owner.team("team"), "same"),
                "newTarget", "0.999");
        rejects(DecisionRightsException.class, slo, () -> slo.revise(0.99, Owner.team("stranger"), "why"),
                "stranger");
    }

    @Test
    void excludeRejectsNullAndRepeats() {
        Slo slo = withEvents(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(NullPointerException.class, slo, () -> slo.exclude(null), "exclusion");
        Exclusion once = Exclusion.once(Fixtures.START.plus(Duration.ofDays(1)), Duration.ofHours(1), "migration");
        slo.exclude(once);
        rejects(IllegalArgumentException.class, slo, () -> slo.exclude(once), "exclusion", "migration");
        assertThrows(IllegalArgumentException.class,
                () -> Exclusion.once(Fixtures.START, Duration.ofHours(-1), "x"));
        for (int i = 2; i <= SloSpec.MAX_EXCLUSIONS; i++) {
            slo.exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(i)), Duration.ofHours(1), "patch " + i));
        }
        assertEquals(SloSpec.MAX_EXCLUSIONS, slo.spec().exclusions().size());
        rejects(IllegalArgumentException.class, slo,
                () -> slo.exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(80)), Duration.ofHours(1), "one too many")),
                "exclusion", "65", String.valueOf(SloSpec.MAX_EXCLUSIONS), "one too many");
    }

    @Test
    void observeOnANonGaugeIsAStateErrorNamingTheSli() {
        Slo slo = withEvents(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(IllegalStateException.class, slo, () -> slo.observe(5), "observe", "svc");
        rejects(IllegalStateException.class, slo, () -> slo.startRun(), "startRun", "svc");
        rejects(IllegalStateException.class, slo, () -> slo.recordAttempt(true, 0), "recordAttempt", "svc");
    }

    @Test
    void recordAttemptRejectsNegativeRetries() {
        Slo slo = slos.define("retries").internal("retried calls succeed").ownedBy(Owner.team("team"))
                .sli(Sli.withinRetries(2)).target(0.99).window(Window.rolling(Fixtures.DAYS_30)).register();
        slo.recordAttempt(true, 0);
        rejects(IllegalArgumentException.class, slo, () -> slo.recordAttempt(true, -1), "retries", "-1");
    }

    @Test
    void latencyQueriesNameTheirParameters() {
        Slo slo = slos.define("lat").internal("answers fast").ownedBy(Owner.team("team"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(Window.rolling(Fixtures.DAYS_30)).register();
        slo.record(true, 100_000_000L);
        rejects(IllegalArgumentException.class, slo, () -> slo.record(true, -5L), "latencyNanos", "-5");
        rejects(IllegalArgumentException.class, slo, () -> slo.latencyPercentile(99, Duration.ofHours(1)),
                "quantile", "99");
        rejects(NullPointerException.class, slo, () -> slo.latencyPercentile(0.99, null), "lookBack");
        rejects(IllegalArgumentException.class, slo, () -> slo.latency(Duration.ofHours(-1)), "lookBack", "-1h");
        rejects(IllegalArgumentException.class, slo, () -> slo.latency(Duration.ofDays(400)), "lookBack", "400d");
        rejects(NullPointerException.class, slo, () -> slo.attainmentAt(null, Duration.ofHours(1)), "threshold");
        rejects(IllegalArgumentException.class, slo,
                () -> slo.attainmentAt(Duration.ofMillis(-1), Duration.ofHours(1)), "threshold", "-1ms");
        rejects(IllegalArgumentException.class, slo, () -> slo.thresholdMet(1.5, Duration.ofHours(1)), "target", "1.5");
        rejects(IllegalArgumentException.class, slo, () -> slo.timeline(Duration.ZERO, Duration.ofHours(1)),
                "resolution", "0s");
    }

    @Test
    void queriesOnBadLookBacksNameThem() {
        Slo slo = withEvents(Fixtures.ratioSlo(slos, "svc", 0.999, Window.rolling(Fixtures.DAYS_30)));
        rejects(NullPointerException.class, slo, () -> slo.burnRate(null), "lookBack");
        rejects(IllegalArgumentException.class, slo, () -> slo.burnRate(Duration.ZERO), "lookBack", "0s");
        rejects(IllegalArgumentException.class, slo, () -> slo.timeToExhaustion(Duration.ofSeconds(-1)),
                "lookBack", "-1s");
    }

    @Test
    void gaugeReadingsRejectNegativeAges() {
        Slo fresh = slos.define("fresh").internal("data is fresh").ownedBy(Owner.team("team"))
                .sli(Sli.freshness(Duration.ofMinutes(5))).budgeting(Budgeting.timeslices(Duration.ofMinutes(1)))
                .target(0.99).window(Window.rolling(Duration.ofDays(7))).register();
        fresh.observe(10);
        clock.advance(Duration.ofMinutes(2));
        rejects(IllegalArgumentException.class, fresh, () -> fresh.observe(-3), "reading", "-3");
        rejects(NullPointerException.class, fresh, () -> fresh.observeAge(null), "age");
        rejects(IllegalArgumentException.class, fresh, () -> fresh.observeAge(Duration.ofSeconds(-1)), "age", "-1s");
    }

    @Test
    void aRejectedReadingChangesNothing() {
        ManualClock monday = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
        SloRegistry registry = SloRegistry.create(monday);
        Slo fresh = registry.define("fresh").internal("fresh data").ownedBy(Owner.team("t"))
                .sli(Sli.freshness(Duration.ofMinutes(5))).target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        fresh.observe(10);
        assertThrows(IllegalArgumentException.class, () -> fresh.observe(-10));
        monday.advance(Duration.ofMinutes(1));
        ErrorBudget b = fresh.errorBudget();
        assertEquals(1, b.total());
        assertEquals(0, b.bad());
    }

    /** A ratio SLI ignores the latency, which must still be >= 0; nothing is recorded by the rejected call. */
    @Test
    void ratioSliStillRejectsANegativeLatency() {
        Slo slo = Fixtures.checkout(clock);
        slo.record(true, 5_000_000_000L);   // 5 s: still good, the ratio SLI ignores it
        assertThrows(IllegalArgumentException.class, () -> slo.record(true, -1L));
        assertEquals(1, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().good());
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        Duration hour = Duration.ofHours(1);
        return Stream.of(
                row("revise with a newline in the reason", w -> w.checkout.revise(0.99, w.pm, "agreed\nin review"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"agreed\\nin review\""),
                row("revise to a percentage", w -> w.checkout.revise(99.5, w.pm, "why"),
                        IllegalArgumentException.class, "newTarget must be a fraction in (0,1), got 99.5 (did you mean 0.995?)"),
                row("revise to the same target", w -> w.checkout.revise(0.995, w.pm, "same"),
                        IllegalArgumentException.class, "newTarget must differ from the current target 0.995"),
                row("revise by a stranger", w -> w.checkout.revise(0.99, Owner.product("stranger"), "why"),
                        DecisionRightsException.class, "product:stranger"),
                row("revise with a blank reason", w -> w.checkout.revise(0.99, w.pm, " "),
                        IllegalArgumentException.class, "reason must not be blank, got \" \""),
                row("exclude a repeat", w -> w.auth.exclude(
                                Exclusion.once(Fixtures.START.plus(Duration.ofDays(3)), hour, "migration")),
                        IllegalArgumentException.class, "exclusion must not repeat"),
                row("recordCounts with negative good", w -> w.checkout.recordCounts(-1, 5),
                        IllegalArgumentException.class, "good must be in [0, "),
                row("record with a negative latency", w -> w.auth.record(true, -1L),
                        IllegalArgumentException.class, "latencyNanos must be >= 0, got -1"),
                row("observe a negative age", w -> w.fresh.observe(-3),
                        IllegalArgumentException.class, "reading must be an age in seconds >= 0, got -3"),
                row("observe on a ratio SLO", w -> w.checkout.observe(5), IllegalStateException.class, "checkout"),
                row("burnRate under a millisecond", w -> w.checkout.burnRate(Duration.ofNanos(10)),
                        IllegalArgumentException.class, "lookBack must be at least 1 ms, got 10ns"),
                row("burnRate beyond the history", w -> w.checkout.burnRate(Duration.ofDays(60)),
                        IllegalArgumentException.class, "got 60d"),
                row("latencyPercentile as a percentage", w -> w.auth.latencyPercentile(99, hour),
                        IllegalArgumentException.class, "quantile"));
    }
}
