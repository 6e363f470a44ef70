package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Data freshness: a slice is good when every age read in it is at most maxAge. */
final class FreshnessTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo fresh = slos.define("orders-table-fresh").internal("the orders table is at most 15 minutes old")
            .ownedBy(Owner.team("data")).sli(Sli.freshness(Duration.ofMinutes(15))).target(0.99)
            .window(Window.rolling(Duration.ofDays(1))).register();

    @Test
    void anAgeOfExactlyMaxAgeIsGood_oneMillisecondMoreIsBad() {
        fresh.observeAge(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(1));
        fresh.observeAge(Duration.ofMinutes(15).plusMillis(1));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(2, fresh.errorBudget().total());
        assertEquals(1, fresh.errorBudget().bad());
    }

    @Test
    void observeTakesTheAgeInSeconds() {
        fresh.observe(900);                                  // 900 s = 15 min: good
        clock.advance(Duration.ofMinutes(1));
        fresh.observe(901);                                  // bad
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, fresh.errorBudget().bad());
        assertEquals(2, fresh.errorBudget().total());
    }

    @Test
    void aNegativeAgeIsRejectedAndNothingIsRecorded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fresh.observe(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> fresh.observeAge(Duration.ofSeconds(-5)));
        assertTrue(d.getMessage().contains("-5s"), d.getMessage());
        assertThrows(NullPointerException.class, () -> fresh.observeAge(null));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, fresh.errorBudget().total());
    }

    @Test
    void observeAgeOnAnotherGaugeThrowsNamingTheSli() {
        Slo backlog = slos.define("backlog").internal("short queue").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(5))
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> backlog.observeAge(Duration.ZERO));
        assertTrue(e.getMessage().contains("freshness") && e.getMessage().contains("GaugeAtMost"), e.getMessage());
    }

    @Test
    void maxAgeMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sli.freshness(Duration.ZERO));
        assertTrue(e.getMessage().contains("got 0s"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Sli.freshness(null));
        assertThrows(IllegalArgumentException.class, () -> Sli.freshness(Duration.ofDays(91)));
    }
}
