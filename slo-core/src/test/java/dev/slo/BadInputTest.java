package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * API §7: every public method rejects bad input at once, with a message that names the parameter
 * and the value given, and nothing already recorded changes. One test per rejected case.
 */
final class BadInputTest {
    private ManualClock clock;
    private SloRegistry slos;
    private Slo slo;

    @BeforeEach
    void recordSomething() {
        clock = Fixtures.clock();
        slos = SloRegistry.create(clock);
        slo = Fixtures.complete(slos, "existing").register();
        slo.recordCounts(90, 10);
    }

    /** Asserts the call throws {@code type} with a message holding every fragment, and that the SLO's counts are unchanged. */
    private void rejects(Class<? extends RuntimeException> type, Executable call, String... fragments) {
        RuntimeException e = assertThrows(type, call);
        String message = e.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    "message \"" + message + "\" should contain \"" + fragment + "\"");
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(100, b.total(), "nothing recorded changes");
        assertEquals(90, b.good(), "nothing recorded changes");
        assertEquals(List.of(slo), slos.all());
    }

    private static SloBuilder builder(SloRegistry registry) {
        return registry.define("fresh");
    }

    // ---------------------------------------------------------------- registry

    @Test void create_nullClock() { rejects(NullPointerException.class, () -> SloRegistry.create(null), "clock"); }
    @Test void define_nullName() { rejects(NullPointerException.class, () -> slos.define(null), "name"); }
    @Test void define_emptyName() { rejects(IllegalArgumentException.class, () -> slos.define(""), "name", "\"\""); }
    @Test void define_tooLongName() {
        String name = "n".repeat(129);
        rejects(IllegalArgumentException.class, () -> slos.define(name), "name", name);
    }
    @Test void define_badCharacter() { rejects(IllegalArgumentException.class, () -> slos.define("check out"), "name", "\"check out\"", "' '"); }
    @Test void define_duplicateName() { rejects(IllegalArgumentException.class, () -> slos.define("existing"), "name", "\"existing\""); }
    @Test void find_nullName() { rejects(NullPointerException.class, () -> slos.find(null), "name"); }

    // ---------------------------------------------------------------- builder

    @Test void customerFacing_null() { rejects(NullPointerException.class, () -> builder(slos).customerFacing(null), "outcome"); }
    @Test void customerFacing_blank() { rejects(IllegalArgumentException.class, () -> builder(slos).customerFacing("  "), "outcome", "\"  \""); }
    @Test void internal_null() { rejects(NullPointerException.class, () -> builder(slos).internal(null), "description"); }
    @Test void internal_blank() { rejects(IllegalArgumentException.class, () -> builder(slos).internal(""), "description", "\"\""); }
    @Test void ownedBy_nullArray() { rejects(NullPointerException.class, () -> builder(slos).ownedBy((Owner[]) null), "owners"); }
    @Test void ownedBy_nullOwner() {
        rejects(NullPointerException.class, () -> builder(slos).ownedBy(Owner.team("a"), null), "owners[1]");
    }
    @Test void ownedBy_none() { rejects(IllegalArgumentException.class, () -> builder(slos).ownedBy(), "owners", "none"); }
    @Test void ownedBy_repeated() {
        rejects(IllegalArgumentException.class, () -> builder(slos).ownedBy(Owner.team("a"), Owner.engineering("a")),
                "owners", "engineering:a");
    }
    @Test void sli_null() { rejects(NullPointerException.class, () -> builder(slos).sli(null), "sli"); }
    @Test void target_percentage() {
        rejects(IllegalArgumentException.class, () -> builder(slos).target(99.9), "target", "got 99.9", "did you mean 0.999?");
    }
    @Test void target_zero() { rejects(IllegalArgumentException.class, () -> builder(slos).target(0), "target", "got 0.0"); }
    @Test void target_one() { rejects(IllegalArgumentException.class, () -> builder(slos).target(1), "target", "got 1.0"); }
    @Test void target_negative() { rejects(IllegalArgumentException.class, () -> builder(slos).target(-0.5), "target", "got -0.5"); }
    @Test void target_nan() { rejects(IllegalArgumentException.class, () -> builder(slos).target(Double.NaN), "target", "got NaN"); }
    @Test void target_infinite() {
        rejects(IllegalArgumentException.class, () -> builder(slos).target(Double.POSITIVE_INFINITY), "target", "got Infinity");
    }
    @Test void window_null() { rejects(NullPointerException.class, () -> builder(slos).window(null), "window"); }
    @Test void alertPolicy_null() { rejects(NullPointerException.class, () -> builder(slos).alertPolicy(null), "policy"); }
    @Test void budgeting_null() { rejects(NullPointerException.class, () -> builder(slos).budgeting(null), "budgeting"); }

    // ---------------------------------------------------------------- values

    @Test void owner_nullName() { rejects(NullPointerException.class, () -> Owner.team(null), "name"); }
    @Test void owner_blankName() { rejects(IllegalArgumentException.class, () -> Owner.product(" "), "name", "\" \""); }
    @Test void owner_nullRole() { rejects(NullPointerException.class, () -> new Owner("x", null), "role"); }
    @Test void latency_null() { rejects(NullPointerException.class, () -> Sli.latency(null), "threshold"); }
    @Test void latency_zero() { rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ZERO), "threshold", "0s"); }
    @Test void latency_negative() {
        rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ofMillis(-5)), "threshold", "-5ms");
    }
    @Test void latency_overAnHour() {
        rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ofMinutes(61)), "threshold", "1h 1m");
    }
    @Test void rolling_null() { rejects(NullPointerException.class, () -> Window.rolling(null), "length"); }
    @Test void rolling_tooShort() { rejects(IllegalArgumentException.class, () -> Window.rolling(Duration.ofMinutes(30)), "length", "30m"); }
    @Test void rolling_tooLong() { rejects(IllegalArgumentException.class, () -> Window.rolling(Duration.ofDays(91)), "length", "91d"); }
    @Test void rolling_fractionalSeconds() {
        rejects(IllegalArgumentException.class, () -> Window.rolling(Duration.ofHours(2).plusMillis(500)), "length", "2h 500ms");
    }
    @Test void calendarMonth_null() { rejects(NullPointerException.class, () -> Window.calendarMonth(null), "zone"); }
    @Test void calendarWeek_null() { rejects(NullPointerException.class, () -> Window.calendarWeek(null), "zone"); }

    @Test void rule_nullSeverity() {
        rejects(NullPointerException.class, () -> new BurnRateRule(null, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)), "severity");
    }
    @Test void rule_nullLongWindow() {
        rejects(NullPointerException.class, () -> new BurnRateRule(Severity.PAGE, 0.02, null, Duration.ofMinutes(5)), "longWindow");
    }
    @Test void rule_nullShortWindow() {
        rejects(NullPointerException.class, () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), null), "shortWindow");
    }
    @Test void rule_zeroShare() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0, Duration.ofHours(1), Duration.ofMinutes(5)), "budgetShare", "got 0.0");
    }
    @Test void rule_shareAboveOne() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 1.5, Duration.ofHours(1), Duration.ofMinutes(5)), "budgetShare", "got 1.5");
    }
    @Test void rule_shareNaN() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, Double.NaN, Duration.ofHours(1), Duration.ofMinutes(5)), "budgetShare", "NaN");
    }
    @Test void rule_longWindowTooShort() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofSeconds(30), Duration.ofSeconds(5)), "longWindow", "30s");
    }
    @Test void rule_longWindowTooLong() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofDays(100), Duration.ofDays(1)), "longWindow", "100d");
    }
    @Test void rule_shortWindowZero() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ZERO), "shortWindow", "0s");
    }
    @Test void rule_shortWindowNotShorter() {
        rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofHours(1)), "shortWindow", "got 1h");
    }
    @Test void threshold_null() {
        rejects(NullPointerException.class, () -> AlertPolicy.sreWorkbook().rules().get(0).threshold(null), "windowLength");
    }
    @Test void threshold_zero() {
        rejects(IllegalArgumentException.class, () -> AlertPolicy.sreWorkbook().rules().get(0).threshold(Duration.ZERO),
                "windowLength", "0s");
    }
    @Test void policy_nullRules() { rejects(NullPointerException.class, () -> new AlertPolicy(null, 0), "rules"); }
    @Test void policy_nullRule() {
        rejects(NullPointerException.class, () -> new AlertPolicy(Arrays.asList((BurnRateRule) null), 0), "rules[0]");
    }
    @Test void policy_noRules() { rejects(IllegalArgumentException.class, () -> AlertPolicy.of(), "rules", "[]"); }
    @Test void policy_ofNull() { rejects(NullPointerException.class, () -> AlertPolicy.of((BurnRateRule[]) null), "rules"); }
    @Test void policy_negativeMinimum() {
        rejects(IllegalArgumentException.class, () -> AlertPolicy.sreWorkbook().withMinimumEvents(-1), "minimumEvents", "got -1");
    }
    @Test void errorBudget_goodAboveTotal() {
        rejects(IllegalArgumentException.class, () -> ErrorBudget.of(5, 6, 0.99), "good=6", "total=5");
    }
    @Test void errorBudget_negativeTotal() {
        rejects(IllegalArgumentException.class, () -> ErrorBudget.of(-1, 0, 0.99), "total=-1");
    }
    @Test void errorBudget_badTarget() { rejects(IllegalArgumentException.class, () -> ErrorBudget.of(5, 5, 99), "target", "got 99.0"); }
    @Test void errorBudget_badFraction() {
        rejects(IllegalArgumentException.class, () -> new ErrorBudget(5, 5, 0.99, 0), "budgetFraction", "got 0.0");
    }
    @Test void timeBucket_badCounts() {
        rejects(IllegalArgumentException.class, () -> new TimeBucket(Fixtures.START, Duration.ofMinutes(1), 3, 2), "good=3", "total=2");
    }
    @Test void timeslices_badSlice() {
        rejects(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofSeconds(7)), "slice", "7s");
    }
    @Test void timeslices_badSliceTarget() {
        rejects(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofMinutes(1), 1.5), "sliceTarget", "got 1.5");
    }

    // ---------------------------------------------------------------- recording and queries

    @Test void record_negativeLatency() {
        rejects(IllegalArgumentException.class, () -> slo.record(true, -1L), "latencyNanos", "got -1");
    }
    @Test void record_nullLatency() { rejects(NullPointerException.class, () -> slo.record(true, (Duration) null), "latency"); }
    @Test void record_negativeDuration() {
        rejects(IllegalArgumentException.class, () -> slo.record(false, Duration.ofMillis(-3)), "latency", "-3ms");
    }
    @Test void recordCounts_negativeGood() { rejects(IllegalArgumentException.class, () -> slo.recordCounts(-1, 5), "good", "got -1"); }
    @Test void recordCounts_negativeBad() { rejects(IllegalArgumentException.class, () -> slo.recordCounts(5, -2), "bad", "got -2"); }
    @Test void recordCounts_goodTooLarge() {
        rejects(IllegalArgumentException.class, () -> slo.recordCounts(Long.MAX_VALUE, 0), "good", "got " + Long.MAX_VALUE);
    }
    @Test void recordCounts_badTooLarge() {
        rejects(IllegalArgumentException.class, () -> slo.recordCounts(0, Slo.MAX_COUNTS_PER_CALL + 1),
                "bad", "got " + (Slo.MAX_COUNTS_PER_CALL + 1));
    }
    @Test void recordCounts_sumTooLarge() {
        long half = Slo.MAX_COUNTS_PER_CALL / 2 + 1;
        rejects(IllegalArgumentException.class, () -> slo.recordCounts(half, half), "good + bad", "got " + (2 * half));
    }
    @Test void burnRate_null() { rejects(NullPointerException.class, () -> slo.burnRate(null), "lookBack"); }
    @Test void burnRate_zero() { rejects(IllegalArgumentException.class, () -> slo.burnRate(Duration.ZERO), "lookBack", "0s"); }
    @Test void burnRate_negative() {
        rejects(IllegalArgumentException.class, () -> slo.burnRate(Duration.ofHours(-1)), "lookBack", "-1h");
    }
    @Test void burnRate_subMillisecond() {
        rejects(IllegalArgumentException.class, () -> slo.burnRate(Duration.ofNanos(10)), "lookBack", "10ns");
    }
    @Test void burnRate_longerThanHistory() {
        rejects(IllegalArgumentException.class, () -> slo.burnRate(Duration.ofDays(60)), "lookBack", "60d");
    }
    @Test void burnRate_hugeDuration() {
        rejects(IllegalArgumentException.class, () -> slo.burnRate(Duration.ofSeconds(Long.MAX_VALUE)), "lookBack",
                "got 106751991167300d 15h 30m 7s");
    }
    @Test void timeToExhaustion_null() { rejects(NullPointerException.class, () -> slo.timeToExhaustion(null), "lookBack"); }
    @Test void timeToExhaustion_negative() {
        rejects(IllegalArgumentException.class, () -> slo.timeToExhaustion(Duration.ofMinutes(-5)), "lookBack", "-5m");
    }
    @Test void timeline_nullResolution() {
        rejects(NullPointerException.class, () -> slo.timeline(null, Duration.ofHours(1)), "resolution");
    }
    @Test void timeline_nullLookBack() {
        rejects(NullPointerException.class, () -> slo.timeline(Duration.ofMinutes(1), null), "lookBack");
    }
    @Test void timeline_unkeptResolution() {
        rejects(IllegalArgumentException.class, () -> slo.timeline(Duration.ofSeconds(7), Duration.ofMinutes(1)), "resolution", "7s");
    }

    // ---------------------------------------------------------------- clock

    @Test void clockAt_null() { rejects(NullPointerException.class, () -> ManualClock.at(null), "instant"); }
    @Test void clockAt_outOfRange() {
        rejects(IllegalArgumentException.class, () -> ManualClock.at(Instant.parse("3000-01-01T00:00:00Z")), "instant", "3000-01-01T00:00:00Z");
    }
    @Test void clockAdvance_null() { rejects(NullPointerException.class, () -> clock.advance(null), "amount"); }
    @Test void clockAdvance_negative() {
        rejects(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)), "amount", "-1s");
    }
    @Test void clockAdvance_tooLarge() {
        rejects(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(365L * 1000)), "amount", "365000d");
    }
    @Test void clockAdvance_pastTheRange() {
        // 250 years fit in a long of nanoseconds, but 2026 + 250 years does not: the clock must not wrap to 1678.
        Instant before = clock.instant();
        rejects(IllegalArgumentException.class, () -> clock.advance(Duration.ofDays(365L * 250)), "amount", "91250d");
        assertEquals(before, clock.instant());
    }
    @Test void clockSet_null() { rejects(NullPointerException.class, () -> clock.set(null), "instant"); }
    @Test void clockSet_outOfRange() {
        rejects(IllegalArgumentException.class, () -> clock.set(Instant.parse("1600-01-01T00:00:00Z")), "instant", "1600-01-01T00:00:00Z");
    }
    @Test void clockWithZone_null() { rejects(NullPointerException.class, () -> clock.withZone(null), "zone"); }
}
