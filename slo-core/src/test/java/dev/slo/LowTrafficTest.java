package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Low traffic must not page on one failed request; no traffic must not read as healthy. */
final class LowTrafficTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualClock clock = ManualClock.at(T0);
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo define(String name, AlertPolicy policy) {
        return slos.define(name).internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).alertPolicy(policy).register();
    }

    @Test
    void oneFailedRequest_pagesWithoutAMinimum_butNotWithOne() {
        Slo eager = define("eager", AlertPolicy.sreWorkbook());
        Slo guarded = define("guarded", AlertPolicy.sreWorkbook().withMinimumEvents(100));
        eager.record(false);
        guarded.record(false);
        // 1 bad of 1: burn (1/1)/0.001 = 1000, above every threshold (14.4, 6, 3, 1).
        assertEquals(1000.0, guarded.burnRate(Duration.ofHours(1)), 1e-9);
        assertEquals(4, eager.alerts().size());
        assertEquals(List.of(), guarded.alerts());
    }

    @Test
    void minimum_isReachedAtExactlyThatManyEventsInTheLongWindow() {
        Slo slo = define("min", AlertPolicy.sreWorkbook().withMinimumEvents(100));
        slo.recordCounts(97, 2);
        // 99 events, 2 bad: burn (2/99)/0.001 = 20.2 >= 14.4, but 99 < 100 events: quiet.
        assertEquals(List.of(), slo.alerts());
        slo.record(true);
        // 100 events, 2 bad: burn (2/100)/0.001 = 20 >= 14.4 in every window: all four rules fire.
        List<BurnRateAlert> firing = slo.alerts();
        assertEquals(4, firing.size());
        assertEquals(20.0, firing.get(0).longBurnRate(), 1e-9);
    }

    @Test
    void minimum_countsTheLongWindowOnly() {
        // 1 h rule: 110 events (10 bad) 55 minutes ago, then 1 bad now: the 5 m window holds that one event.
        Slo slo = define("long", AlertPolicy.of(new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)))
                .withMinimumEvents(100));
        slo.recordCounts(100, 10);
        clock.advance(Duration.ofMinutes(55));
        slo.record(false);
        // long: 11 bad of 111 = burn (11/111)/0.001 = 99.1; short: 1 of 1 = burn 1000; long holds 111 >= 100.
        assertEquals(1, slo.alerts().size());
    }

    @Test
    void noEvents_isInsufficientData_notHealthy() {
        Slo slo = define("quiet", AlertPolicy.sreWorkbook());
        ErrorBudget empty = slo.errorBudget();
        assertTrue(empty.insufficientData());
        assertEquals(1.0, empty.attainment());       // by the API's convention, which is why insufficientData() exists
        assertEquals(0.0, empty.consumed());
        assertFalse(empty.exhausted());
        assertEquals(0.0, slo.burnRate(Duration.ofHours(1)));
        assertEquals(Optional.empty(), slo.timeToExhaustion(Duration.ofHours(1)));
        assertEquals(List.of(), slo.alerts());

        slo.record(true);
        assertFalse(slo.errorBudget().insufficientData());
        clock.advance(Duration.ofDays(31));          // the event leaves the 30-day window
        assertTrue(slo.errorBudget().insufficientData());
    }

    @Test
    void eventsThatAreAllExcluded_leaveInsufficientData() {
        Slo slo = slos.define("maint").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.once(T0, Duration.ofHours(1), "maintenance")).register();
        slo.recordCounts(10, 10);
        assertTrue(slo.errorBudget().insufficientData());
        assertEquals(20, slo.excludedEvents());
    }

    @Test
    void minimumEvents_rejectsNegative() {
        assertEquals("minimumEvents must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> AlertPolicy.sreWorkbook().withMinimumEvents(-1)).getMessage());
    }
}
