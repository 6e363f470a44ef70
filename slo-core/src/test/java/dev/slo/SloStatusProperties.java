package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@code status()} is each of its queries at one reading: budget, burn rates, alerts and counters, for every budgeting and window. */
final class SloStatusProperties {
    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    private static SloBuilder base(SloRegistry slos, String name, Sli sli, Window window) {
        return slos.define(name).internal("test " + name).ownedBy(Owner.team("t")).sli(sli).target(0.99).window(window);
    }

    @Property(tries = 30)
    void statusIsEachQueryAtOneReading(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int steps) {
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        Window days30 = Window.rolling(Duration.ofDays(30));
        base(slos, "ratio", Sli.ratio(), days30).register();
        base(slos, "latency", Sli.latency(Duration.ofMillis(100)), Window.rolling(Duration.ofDays(7))).register();
        base(slos, "slices", Sli.ratio(), days30).budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        base(slos, "ratio-slices", Sli.ratio(), days30).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(5))).register();
        base(slos, "month", Sli.ratio(), Window.calendarMonth(ZoneId.of("Asia/Kolkata"))).register();
        base(slos, "low", Sli.ratio(), days30).alertPolicy(AlertPolicy.sreWorkbook().withMinimumEvents(50))
                .exclude(Exclusion.once(START.plus(Duration.ofHours(1)), Duration.ofHours(1), "upgrade")).register();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofMillis(1 + random.nextLong(120_000)));
            boolean burst = random.nextInt(50) == 0;
            for (Slo slo : slos.all()) {
                boolean good = !burst && random.nextInt(40) != 0;
                if (slo.name().equals("latency")) {
                    slo.record(good, random.nextLong(200_000_000L));
                } else {
                    slo.recordCounts(random.nextInt(5), good ? 0 : 1 + random.nextInt(3));
                }
            }
        }
        for (Slo slo : slos.all()) {
            SloStatus status = slo.status();
            assertEquals(clock.instant(), status.at());
            assertEquals(slo.errorBudget(), status.budget(), slo.name());
            assertEquals(slo.burnRates(), status.burnRates(), slo.name());
            assertEquals(slo.alerts(), status.alerts(), slo.name());
            assertEquals(slo.counters(), status.counters(), slo.name());
        }
    }
}
