package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A gauge's last reading, for exporters: in the gauge's unit, empty before the first and for other SLIs. */
final class LastReadingTest {
    private final SloRegistry slos = SloRegistry.create(ManualClock.at(Instant.parse("2026-02-02T00:00:00Z")));

    @Test
    void theLastReadingIsKeptInTheGaugesUnit() {
        Slo backlog = slos.define("backlog").internal("short").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(10)).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        Slo fresh = slos.define("fresh").internal("fresh").ownedBy(Owner.team("t")).sli(Sli.freshness(Duration.ofMinutes(5)))
                .target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        Slo api = Fixtures.ratioSlo(slos, "api", 0.999, Window.rolling(Fixtures.DAYS_30));
        assertEquals(OptionalDouble.empty(), backlog.lastReading());
        backlog.observe(7);
        backlog.observe(-3);
        assertEquals(OptionalDouble.of(-3), backlog.lastReading());
        fresh.observeAge(Duration.ofMillis(90_500));
        assertEquals(OptionalDouble.of(90.5), fresh.lastReading(), "seconds of age");
        fresh.observe(12);
        assertEquals(OptionalDouble.of(12), fresh.lastReading());
        api.record(true);
        assertEquals(OptionalDouble.empty(), api.lastReading(), "not a gauge");
        backlog.observe(Long.MIN_VALUE);
        assertEquals(OptionalDouble.of(Long.MIN_VALUE), backlog.lastReading());
    }
}
